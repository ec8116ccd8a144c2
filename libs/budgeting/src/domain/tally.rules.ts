import { buildEqualSharesProfile, EqualSharesEngine, type UtilityKind } from './equal-shares.engine';
import { equalSharesAdd1, type Add1Stop } from './equal-shares.rule';
import { greedy, type GreedyInput } from './greedy.rule';
import {
  assertValidElection,
  countSupport,
  TallyInputError,
  voterCount,
  type TallyElection,
} from './tally-election.model';
import type { ProjectStatus, RuleOutcome } from './tally-outcome.model';
import { byProjectId, tieRanks, type TieBreak } from './tie-break.model';

export const TALLY_RULES = [
  'greedy',
  'greedy-no-skip',
  'greedy-threshold',
  'mes',
  'mes-cardinality',
  'mes-greedy',
  'mes-add1',
  'mes-add1-greedy',
  'mes-equalshares',
] as const;

export type TallyRule = (typeof TALLY_RULES)[number];

export function isTallyRule(name: string): name is TallyRule {
  return (TALLY_RULES as readonly string[]).includes(name);
}

export interface TallyOptions {
  /** Decides exact ties; defaults to project id compared as strings. */
  readonly tieBreak?: TieBreak;
  /** `greedy-threshold`: the fewest votes (points, for cumulative ballots) a project needs to take part. */
  readonly minScore?: number;
}

export interface ProjectResult {
  readonly id: string;
  /** Integer money units, as in the election. */
  readonly cost: number;
  /** Voters who named the project. */
  readonly votes: number;
  /** Points given to it (equal to `votes` for approval ballots). */
  readonly score: number;
  readonly status: ProjectStatus;
  /** Position in the order the rule funded projects (1 = first), for selected projects. */
  readonly round?: number;
}

export interface EqualSharesDetails {
  /** Currency units added to each voter's share by an Add1 completion (0 for plain MES). */
  readonly increments: number;
  /** MES runs the completion needed. */
  readonly runs: number;
}

export interface TallyResult {
  readonly rule: TallyRule;
  readonly budget: number;
  readonly budgetUsed: number;
  readonly voters: number;
  /** Ids of the funded projects, in the order the rule funded them. */
  readonly selected: readonly string[];
  /** Every project, in the election's order. */
  readonly projects: readonly ProjectResult[];
  readonly equalShares?: EqualSharesDetails;
}

/** Runs one outcome rule on an election. Pure: the same input always gives the same result. */
export function tally(rule: TallyRule, election: TallyElection, options: TallyOptions = {}): TallyResult {
  assertValidElection(election);
  const tieRank = tieRanks(election.projects, options.tieBreak ?? byProjectId);
  const support = countSupport(election);
  const greedyInput: GreedyInput = {
    cost: election.projects.map((p) => p.cost),
    score: support.score,
    budget: election.budget,
    tieRank,
  };
  let outcome: RuleOutcome;
  let details: EqualSharesDetails | undefined;
  switch (rule) {
    case 'greedy':
      outcome = greedy(greedyInput, { skip: true });
      break;
    case 'greedy-no-skip':
      outcome = greedy(greedyInput, { skip: false });
      break;
    case 'greedy-threshold':
      if (options.minScore === undefined) {
        throw new TallyInputError('greedy-threshold needs a minimum score');
      }
      outcome = greedy(greedyInput, { skip: true, minScore: options.minScore });
      break;
    case 'mes':
    case 'mes-cardinality':
    case 'mes-greedy':
    case 'mes-add1':
    case 'mes-add1-greedy':
    case 'mes-equalshares': {
      const utility: UtilityKind = rule === 'mes-cardinality' ? 'cardinality' : 'cost';
      const engine = new EqualSharesEngine(buildEqualSharesProfile(election, utility, tieRank));
      const stop: Add1Stop | undefined =
        rule === 'mes-add1' || rule === 'mes-add1-greedy'
          ? 'exhaustive'
          : rule === 'mes-equalshares' && !everythingFits(election)
            ? 'overspend'
            : undefined;
      const { run, runs } = stop ? equalSharesAdd1(engine, stop) : { run: engine.run(0), runs: 1 };
      details = { increments: run.increments, runs };
      const bought = [...engine.profile.free, ...run.winners];
      if (rule === 'mes-greedy' || rule === 'mes-add1-greedy') {
        outcome = greedy(greedyInput, { skip: true, preselected: bought });
      } else {
        const status: ProjectStatus[] = election.projects.map(() => 'not-enough-support');
        for (const project of bought) {
          status[project] = 'selected';
        }
        outcome = { selected: bought, status };
      }
    }
  }
  return present(rule, election, outcome, support, details);
}

/** equalshares.net skips Add1 when all projects fit together (it would never stop otherwise). */
function everythingFits(election: TallyElection): boolean {
  return election.projects.reduce((sum, p) => sum + p.cost, 0) <= election.budget;
}

function present(
  rule: TallyRule,
  election: TallyElection,
  outcome: RuleOutcome,
  support: { votes: number[]; score: number[] },
  details: EqualSharesDetails | undefined,
): TallyResult {
  const round = new Map(outcome.selected.map((project, i) => [project, i + 1]));
  const projects = election.projects.map((p, i): ProjectResult => {
    const position = round.get(i);
    return {
      id: p.id,
      cost: p.cost,
      votes: support.votes[i]!,
      score: support.score[i]!,
      status: outcome.status[i]!,
      ...(position === undefined ? {} : { round: position }),
    };
  });
  return {
    rule,
    budget: election.budget,
    budgetUsed: outcome.selected.reduce((sum, project) => sum + election.projects[project]!.cost, 0),
    voters: voterCount(election),
    selected: outcome.selected.map((project) => election.projects[project]!.id),
    projects,
    ...(details ? { equalShares: details } : {}),
  };
}
