export const PETITION_THRESHOLD_REACHED = 'petitions.threshold-reached';
export const PETITION_ANSWERED = 'petitions.answered';

export interface PetitionThresholdReachedEvent {
  readonly type: typeof PETITION_THRESHOLD_REACHED;
  petitionId: string;
  signatures: number;
  threshold: number;
}

export interface PetitionAnsweredEvent {
  readonly type: typeof PETITION_ANSWERED;
  petitionId: string;
  outcome: 'accepted' | 'partly-accepted' | 'rejected';
}
