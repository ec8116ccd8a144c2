/**
 * What a tally needs to know about one budgeting round, independent of where it came from (a Pabulib `.pb`
 * file, or the portal's own ballots).
 *
 * Money is counted in integer units (for example grosze when a cost has two decimals): every amount must be a
 * safe integer, so sums of costs and comparisons against the budget are exact with plain numbers.
 */
export interface TallyProject {
  readonly id: string;
  /** Integer money units. */
  readonly cost: number;
}

/**
 * One voter's ballot: indices into `TallyElection.projects`. `points` (same length) is present for cumulative
 * or scoring ballots; `weight` lets callers pass identical ballots already grouped (defaults to 1).
 * An empty `projects` list is a valid ballot: it still counts as a voter.
 */
export interface TallyBallot {
  readonly projects: readonly number[];
  readonly points?: readonly number[];
  readonly weight?: number;
}

/** `approval` covers choose-1 and ordinal lists too; `cumulative` covers every ballot that gives points. */
export type BallotKind = 'approval' | 'cumulative';

export interface TallyElection {
  /** Integer money units. */
  readonly budget: number;
  /** Money units in one currency unit (100 when costs carry two decimals); `mes-add1` raises shares by this. */
  readonly unitsPerCurrency: number;
  readonly projects: readonly TallyProject[];
  readonly ballots: readonly TallyBallot[];
  readonly ballotKind: BallotKind;
}

export class TallyInputError extends Error {
  override readonly name = 'TallyInputError';
}

const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/** Rejects elections the exact integer arithmetic cannot represent, and ballots naming unknown projects. */
export function assertValidElection(election: TallyElection): void {
  const { budget, unitsPerCurrency, projects, ballots } = election;
  if (!Number.isSafeInteger(budget) || budget < 0) {
    throw new TallyInputError(`budget must be a non-negative integer`);
  }
  if (!Number.isSafeInteger(unitsPerCurrency) || unitsPerCurrency < 1) {
    throw new TallyInputError('unitsPerCurrency must be a positive integer');
  }
  let totalCost = 0;
  const ids = new Set<string>();
  for (const project of projects) {
    if (!Number.isSafeInteger(project.cost) || project.cost < 0) {
      throw new TallyInputError(`project ${project.id}: cost must be a non-negative integer`);
    }
    if (ids.has(project.id)) {
      throw new TallyInputError(`project ${project.id} appears twice`);
    }
    ids.add(project.id);
    totalCost += project.cost;
  }
  if (totalCost > MAX_EXACT) {
    throw new TallyInputError('total cost of all projects is too large to add exactly');
  }
  let voters = 0;
  // Stamp per project: which ballot named it last, to catch repeats without a Set per ballot.
  const seen = new Int32Array(projects.length);
  let stamp = 0;
  for (const ballot of ballots) {
    stamp++;
    const weight = ballot.weight ?? 1;
    if (!Number.isSafeInteger(weight) || weight < 1) {
      throw new TallyInputError('ballot weight must be a positive integer');
    }
    voters += weight;
    if (ballot.points && ballot.points.length !== ballot.projects.length) {
      throw new TallyInputError('ballot points must match its projects one to one');
    }
    for (let i = 0; i < ballot.projects.length; i++) {
      const project = ballot.projects[i]!;
      if (!Number.isInteger(project) || project < 0 || project >= projects.length) {
        throw new TallyInputError(`ballot names project index ${project}, which does not exist`);
      }
      if (seen[project] === stamp) {
        throw new TallyInputError(`ballot names project ${projects[project]!.id} twice`);
      }
      seen[project] = stamp;
      const points = ballot.points?.[i];
      if (points !== undefined && (!Number.isSafeInteger(points) || points < 0)) {
        throw new TallyInputError('ballot points must be non-negative integers');
      }
    }
  }
  if (voters > MAX_EXACT) {
    throw new TallyInputError('too many voters');
  }
}

/** Number of voters, counting grouped ballots by their weight and empty ballots too. */
export function voterCount(election: TallyElection): number {
  let voters = 0;
  for (const ballot of election.ballots) {
    voters += ballot.weight ?? 1;
  }
  return voters;
}

/**
 * Per project: how many voters named it (`votes`) and the points they gave it (`score`; equal to `votes` for
 * approval ballots). Counted from the ballots, never taken from a file's summary columns.
 */
export function countSupport(election: TallyElection): { votes: number[]; score: number[] } {
  const votes = new Array<number>(election.projects.length).fill(0);
  const score = new Array<number>(election.projects.length).fill(0);
  const cumulative = election.ballotKind === 'cumulative';
  for (const ballot of election.ballots) {
    const weight = ballot.weight ?? 1;
    ballot.projects.forEach((project, i) => {
      const points = cumulative ? (ballot.points?.[i] ?? 1) : 1;
      if (points <= 0) {
        return;
      }
      votes[project] = (votes[project] ?? 0) + weight;
      score[project] = (score[project] ?? 0) + weight * points;
    });
  }
  return { votes, score };
}
