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

/** Whether `now` lies in [from, until): an unset bound leaves that side open (dates are optional). */
export function withinWindow(from: Date | null, until: Date | null, now: Date): boolean {
  return (!from || now.getTime() >= from.getTime()) && (!until || now.getTime() < until.getTime());
}

export interface PhaseDates {
  phase: CyclePhase;
  needsCouncil: boolean;
  imported: boolean;
  reviewFrom: Date | null;
  votingFrom: Date | null;
  votingUntil: Date | null;
}

/**
 * The phase a cycle's dates move it to at `now`, or null. Sending the shortlist to the Sakrebulo stays a
 * staff act (it files a motion), so a cycle that needs the council never leaves review by the clock.
 */
export function phaseDue(cycle: PhaseDates, now: Date): CyclePhase | null {
  if (cycle.imported) {
    return null;
  }
  const reached = (date: Date | null) => !!date && now.getTime() >= date.getTime();
  switch (cycle.phase) {
    case 'proposals':
      return reached(cycle.reviewFrom) ? 'review' : null;
    case 'review':
      return !cycle.needsCouncil && reached(cycle.votingFrom) ? 'voting' : null;
    case 'voting':
      return reached(cycle.votingUntil) ? 'tallied' : null;
    case 'council':
    case 'council-rejected':
    case 'tallied':
    case 'published':
      return null;
  }
}

/** The first pair of phase dates that is out of order, as the later field's name, or null. */
export function datesOutOfOrder(dates: {
  proposalsFrom: Date | null;
  reviewFrom: Date | null;
  votingFrom: Date | null;
  votingUntil: Date | null;
}): 'reviewFrom' | 'votingFrom' | 'votingUntil' | null {
  const order = ['proposalsFrom', 'reviewFrom', 'votingFrom', 'votingUntil'] as const;
  let last: Date | null = null;
  for (const name of order) {
    const date = dates[name];
    if (date && last && date.getTime() <= last.getTime()) {
      return name === 'proposalsFrom' ? null : name;
    }
    last = date ?? last;
  }
  return null;
}

/**
 * Whether residents may already have acted on the cycle's rules: past the proposal phase, or in it with its
 * window open (a cycle without a start date is open from the moment it is created). From then on the rules
 * that decide who may take part and how money is shared stay as published.
 */
export function proposalsStarted(
  cycle: { phase: CyclePhase; proposalsFrom: Date | null },
  now: Date,
): boolean {
  return (
    cycle.phase !== 'proposals' || !cycle.proposalsFrom || now.getTime() >= cycle.proposalsFrom.getTime()
  );
}
