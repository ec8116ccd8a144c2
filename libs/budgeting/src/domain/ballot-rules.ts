/** The ballot types a cycle can choose. */
export const BALLOT_TYPES = ['approval', 'k-approval', 'knapsack', 'cumulative'] as const;
export type BallotType = (typeof BALLOT_TYPES)[number];

export interface BallotRules {
  readonly type: BallotType;
  /** `k-approval`: the most projects one ballot may choose. */
  readonly k?: number | null;
  /** `cumulative`: the points every voter distributes. */
  readonly points?: number | null;
  /** `knapsack`: the district's budget the chosen projects must fit. */
  readonly budget: number;
}

export interface BallotChoice {
  readonly projectId: string;
  readonly points?: number;
}

export type BallotProblem =
  | { code: 'unknown-project'; projectId: string }
  | { code: 'duplicate-project'; projectId: string }
  | { code: 'over-k'; k: number; chosen: number }
  | { code: 'over-budget'; budget: number; total: number }
  | { code: 'points-not-summing'; expected: number; given: number }
  | { code: 'points-invalid'; projectId: string };

/**
 * Checks one ballot against the cycle's rules and the projects on the district's list (id → cost). Returns
 * the first problem, or null when the ballot can be stored. Pure, so the page and the API refuse the same.
 */
export function ballotProblem(
  rules: BallotRules,
  costs: ReadonlyMap<string, number>,
  choices: readonly BallotChoice[],
): BallotProblem | null {
  const seen = new Set<string>();
  let total = 0;
  let points = 0;
  for (const choice of choices) {
    const cost = costs.get(choice.projectId);
    if (cost === undefined) {
      return { code: 'unknown-project', projectId: choice.projectId };
    }
    if (seen.has(choice.projectId)) {
      return { code: 'duplicate-project', projectId: choice.projectId };
    }
    seen.add(choice.projectId);
    total += cost;
    if (rules.type === 'cumulative') {
      const given = choice.points ?? 0;
      if (!Number.isSafeInteger(given) || given < 1) {
        return { code: 'points-invalid', projectId: choice.projectId };
      }
      points += given;
    }
  }
  switch (rules.type) {
    case 'approval':
      return null;
    case 'k-approval': {
      const k = rules.k ?? 1;
      return choices.length > k ? { code: 'over-k', k, chosen: choices.length } : null;
    }
    case 'knapsack':
      return total > rules.budget ? { code: 'over-budget', budget: rules.budget, total } : null;
    case 'cumulative': {
      const expected = rules.points ?? 10;
      // An empty ballot is allowed (it still counts as a voter); a filled one spends exactly the points.
      return choices.length > 0 && points !== expected
        ? { code: 'points-not-summing', expected, given: points }
        : null;
    }
  }
}
