/**
 * The life of a cycle. `council` happens only when the cycle's rules send the shortlist to the Sakrebulo;
 * its decision moves the cycle on to `voting` (adopted) or to `council-rejected` (voting blocked).
 */
export const CYCLE_PHASES = [
  'proposals',
  'review',
  'council',
  'council-rejected',
  'voting',
  'tallied',
  'published',
] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];

/** What staff may move a cycle to from each phase (the council's decision arrives by event instead). */
export function nextPhase(phase: CyclePhase, needsCouncil: boolean): CyclePhase | null {
  switch (phase) {
    case 'proposals':
      return 'review';
    case 'review':
      return needsCouncil ? 'council' : 'voting';
    case 'council':
    case 'council-rejected':
      return null;
    case 'voting':
      return 'tallied';
    case 'tallied':
      return 'published';
    case 'published':
      return null;
  }
}

export interface ReviewState {
  /** Proposals still waiting for staff review. */
  pending: number;
  shortlisted: number;
}

/** Why the cycle may not leave `review` yet, or null. */
export function reviewGate(state: ReviewState): 'review-pending' | 'shortlist-empty' | null {
  if (state.pending > 0) {
    return 'review-pending';
  }
  return state.shortlisted === 0 ? 'shortlist-empty' : null;
}
