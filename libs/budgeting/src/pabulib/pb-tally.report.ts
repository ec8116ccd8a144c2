import { tally, type TallyRule } from '../domain/tally.rules';
import type { ProjectStatus } from '../domain/tally-outcome.model';
import { pbMinProjectScore, pbOfficialSelection, pbRule, type PbElection } from './pb-election.model';

export interface PbTallyReport {
  readonly rule: TallyRule;
  /** Project ids as written in the file, in the order the rule funded them. */
  readonly selected: readonly string[];
  /** Amounts in the file's currency. */
  readonly budget_used: number;
  readonly budget: number;
  readonly voters: number;
  readonly min_score?: number;
  /** For the Add1 completions: currency units added to every share, and MES runs needed to find them. */
  readonly add1?: { readonly increments: number; readonly runs: number };
  /** When PROJECTS has a `selected` column: whether our selection is exactly the city's. */
  readonly matches_official?: boolean;
  readonly projects: readonly {
    readonly id: string;
    readonly cost: number;
    readonly votes: number;
    readonly score: number;
    readonly status: ProjectStatus;
    readonly round?: number;
  }[];
}

export class PbTallyRuleMissing extends Error {
  override readonly name = 'PbTallyRuleMissing';
}

/**
 * Tallies a parsed file with `rule`, or the rule its META names, and shapes the result for printing: money
 * back in currency, `greedy-threshold`'s minimum from META unless given.
 */
export function pbTallyReport(pb: PbElection, rule?: TallyRule, minScore?: number): PbTallyReport {
  const chosen = rule ?? pbRule(pb);
  if (!chosen) {
    throw new PbTallyRuleMissing(`META rule "${pb.meta['rule'] ?? ''}" is not one we implement; pass --rule`);
  }
  const threshold = minScore ?? pbMinProjectScore(pb);
  const result = tally(chosen, pb.election, threshold === undefined ? {} : { minScore: threshold });
  const unit = pb.election.unitsPerCurrency;
  const official = pbOfficialSelection(pb);
  return {
    rule: chosen,
    selected: result.selected,
    budget_used: result.budgetUsed / unit,
    budget: result.budget / unit,
    voters: result.voters,
    ...(chosen === 'greedy-threshold' && threshold !== undefined ? { min_score: threshold } : {}),
    ...(result.equalShares && result.equalShares.runs > 1 ? { add1: result.equalShares } : {}),
    ...(official
      ? { matches_official: [...official].sort().join('\n') === [...result.selected].sort().join('\n') }
      : {}),
    projects: result.projects.map((p) => ({ ...p, cost: p.cost / unit })),
  };
}
