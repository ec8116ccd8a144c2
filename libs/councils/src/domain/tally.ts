/** How many members must take part for a vote to count. */
export type QuorumRule = 'more-than-half' | 'one-third' | 'two-thirds';
/** What "adopted" means: more yes than no among votes cast, or yes from more than half of those present or of all members. */
export type MajorityRule = 'of-votes-cast' | 'of-present' | 'of-members';
export type VoteChoice = 'yes' | 'no' | 'abstain';

export interface VoteCounts {
  yes: number;
  no: number;
  abstain: number;
}

export interface TallyResult extends VoteCounts {
  /** Members who cast no vote (yes, no or abstain); they count against quorum only. */
  absent: number;
  present: number;
  quorumNeeded: number;
  quorate: boolean;
  /** Yes votes needed to adopt (for of-votes-cast: more than `no`). */
  yesNeeded: number;
  outcome: 'adopted' | 'rejected';
}

/** Smallest whole number of members that satisfies the quorum rule. */
export function quorumNeeded(rule: QuorumRule, members: number): number {
  switch (rule) {
    case 'more-than-half':
      return Math.floor(members / 2) + 1;
    case 'one-third':
      return Math.ceil(members / 3);
    case 'two-thirds':
      return Math.ceil((members * 2) / 3);
  }
}

/**
 * Tallies a motion. An abstention is a vote present (it counts toward quorum) that is not yes: under
 * `of-present` and `of-members` it works like a no, under `of-votes-cast` it is left out. A vote without
 * quorum is rejected whatever the counts.
 */
export function tally(
  counts: VoteCounts,
  members: number,
  quorum: QuorumRule,
  majority: MajorityRule,
): TallyResult {
  const present = counts.yes + counts.no + counts.abstain;
  if (present > members) {
    throw new Error(`${present} votes from ${members} members`);
  }
  const needed = quorumNeeded(quorum, members);
  const quorate = members > 0 && present >= needed;
  const yesNeeded =
    majority === 'of-votes-cast'
      ? counts.no + 1
      : Math.floor((majority === 'of-present' ? present : members) / 2) + 1;
  const adopted = quorate && counts.yes >= yesNeeded;
  return {
    ...counts,
    absent: members - present,
    present,
    quorumNeeded: needed,
    quorate,
    yesNeeded,
    outcome: adopted ? 'adopted' : 'rejected',
  };
}
