import { budgetingError } from '../budgeting.errors';
import { datesOutOfOrder } from '../domain/cycle-phase';
import { TALLY_RULES } from '../domain/tally.rules';
import type { CycleRow, DistrictRow } from '../repositories/budgeting.rows';
import type { CreateCycleInput } from './cycles.service';

/** Every setting of a cycle staff write, in the order the form shows them. */
export const CYCLE_SETTINGS: readonly (keyof CreateCycleInput)[] = [
  'title',
  'rules',
  'totalBudget',
  'districtBudgets',
  'municipalBudget',
  'maxProjectCost',
  'categories',
  'proposeRequiresResident',
  'minVoterAge',
  'ballotType',
  'ballotK',
  'ballotPoints',
  'outcomeRule',
  'minScore',
  'tieBreak',
  'needsCouncil',
  'proposalsFrom',
  'reviewFrom',
  'votingFrom',
  'votingUntil',
];

/** The rules a cycle's settings must keep, on create and on every edit; each refusal names its field. */
export function assertCycleRules(input: CreateCycleInput, settlementIds: Set<string>): void {
  if (!TALLY_RULES.includes(input.outcomeRule)) {
    throw budgetingError('budgeting.invalid', 'invalid', 'Unknown outcome rule', 'outcomeRule');
  }
  if (!Object.values(input.title).some((t) => t?.trim())) {
    throw budgetingError('budgeting.title-missing', 'invalid', 'A cycle needs a title', 'title');
  }
  if (input.outcomeRule === 'greedy-threshold' && input.minScore === null) {
    throw budgetingError(
      'budgeting.needs-min-score',
      'invalid',
      'greedy-threshold needs a minimum',
      'minScore',
    );
  }
  if (input.ballotType === 'k-approval' && !input.ballotK) {
    throw budgetingError('budgeting.needs-k', 'invalid', 'k-approval needs k', 'ballotK');
  }
  if (input.ballotType === 'cumulative' && !input.ballotPoints) {
    throw budgetingError(
      'budgeting.needs-points',
      'invalid',
      'Cumulative ballots need points',
      'ballotPoints',
    );
  }
  const late = datesOutOfOrder(input);
  if (late) {
    throw budgetingError(
      'budgeting.dates-out-of-order',
      'invalid',
      'Each phase date must come after the one before it',
      late,
    );
  }
  const districtSum =
    input.districtBudgets.reduce((sum, d) => sum + d.budget, 0) + (input.municipalBudget ?? 0);
  if (districtSum > input.totalBudget) {
    throw budgetingError(
      'budgeting.over-total',
      'invalid',
      'District budgets add up to more than the total budget',
      'districtBudgets',
    );
  }
  if (input.districtBudgets.some((d) => !settlementIds.has(d.settlementId))) {
    throw budgetingError('budgeting.district-unknown', 'invalid', 'Unknown settlement', 'districtBudgets');
  }
}

/**
 * A stored cycle as the settings it was created with. The whole-municipality pot that a cycle without
 * villages gets by itself is not a pot staff set, so it reads back as none.
 */
export function settingsOf(cycle: CycleRow, districts: DistrictRow[]): CreateCycleInput {
  const settled = districts.filter((d) => d.settlementId !== null);
  const pot = districts.find((d) => d.settlementId === null);
  return {
    title: cycle.title,
    rules: cycle.rules,
    totalBudget: cycle.totalBudget,
    districtBudgets: settled.map((d) => ({ settlementId: d.settlementId!, budget: d.budget })),
    municipalBudget: pot && (settled.length || pot.budget !== cycle.totalBudget) ? pot.budget : null,
    maxProjectCost: cycle.maxProjectCost,
    categories: cycle.categories,
    proposeRequiresResident: cycle.proposeRequiresResident,
    minVoterAge: cycle.minVoterAge,
    ballotType: cycle.ballotType,
    ballotK: cycle.ballotK,
    ballotPoints: cycle.ballotPoints,
    outcomeRule: cycle.outcomeRule,
    minScore: cycle.minScore,
    tieBreak: cycle.tieBreak,
    needsCouncil: cycle.needsCouncil,
    proposalsFrom: cycle.proposalsFrom,
    reviewFrom: cycle.reviewFrom,
    votingFrom: cycle.votingFrom,
    votingUntil: cycle.votingUntil,
  };
}

/** A partial edit without the settings it leaves out (undefined), so they keep their stored values. */
export function definedOnly<T extends object>(changes: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}
