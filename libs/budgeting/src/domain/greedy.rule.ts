import type { ProjectStatus, RuleOutcome } from './tally-outcome.model';

export interface GreedyInput {
  readonly cost: readonly number[];
  /** Votes, or points for cumulative ballots. */
  readonly score: readonly number[];
  readonly budget: number;
  /** Tie-break position per project; lower wins. */
  readonly tieRank: Int32Array;
}

export interface GreedyOptions {
  /** `false` is Wrocław's rule: stop at the first project that does not fit. */
  readonly skip: boolean;
  /** Projects scoring less than this never take part. */
  readonly minScore?: number;
  /** Already funded (for completing another rule's outcome); their cost is taken from the budget first. */
  readonly preselected?: readonly number[];
}

/** Projects in order of score, highest first; ties by the tie-break order. */
export function scoreOrder(input: GreedyInput): number[] {
  const { score, tieRank } = input;
  return input.cost.map((_, i) => i).sort((a, b) => score[b]! - score[a]! || tieRank[a]! - tieRank[b]!);
}

/**
 * Greedy by score: each project, best first, is funded if it still fits in what is left, otherwise skipped
 * (or, without `skip`, the pass stops there). Costs are integers, so the running total is exact.
 */
export function greedy(input: GreedyInput, options: GreedyOptions): RuleOutcome {
  const { cost, score, budget } = input;
  const status: ProjectStatus[] = cost.map(() => 'did-not-fit');
  const selected: number[] = [];
  let left = budget;
  for (const project of options.preselected ?? []) {
    status[project] = 'selected';
    selected.push(project);
    left -= cost[project]!;
  }
  let stopped = false;
  for (const project of scoreOrder(input)) {
    if (status[project] === 'selected') {
      continue;
    }
    if (options.minScore !== undefined && score[project]! < options.minScore) {
      status[project] = 'below-threshold';
      continue;
    }
    if (stopped) {
      continue;
    }
    if (cost[project]! <= left) {
      status[project] = 'selected';
      selected.push(project);
      left -= cost[project]!;
    } else if (!options.skip) {
      stopped = true;
    }
  }
  return { selected, status };
}
