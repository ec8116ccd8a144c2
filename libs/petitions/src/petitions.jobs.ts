/** The petitions queue and its jobs. */
export const PETITIONS_QUEUE = 'petitions';
export const NOTIFY_JOB = 'petitions.notify-people';
export const SWEEP_JOB = 'petitions.close-due';
export type PetitionJobName = typeof NOTIFY_JOB | typeof SWEEP_JOB;

/** What happened, as the e-mail tells it. */
export type PetitionNotice =
  | 'opened'
  | 'returned'
  | 'half'
  | 'threshold'
  | 'registered'
  | 'under-consideration'
  | 'answered'
  | 'closed'
  | 'not-reached';

export interface NotifyPayload {
  petitionId: string;
  notice: PetitionNotice;
  /** Tells repeatable notices apart (a petition can be returned more than once). */
  occurrence?: string;
}

/** Once a minute: close petitions at their deadline and catch milestones that raced. */
export const SWEEP_EVERY_MS = 60_000;
