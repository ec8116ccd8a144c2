import type { EqualSharesEngine, EqualSharesProfile, EqualSharesRun } from './equal-shares.engine';

/**
 * The Add1 completions: rerun MES with every voter's share raised by one currency unit at a time,
 * β_k = budget / n + k, k = 0, 1, 2, … (the total virtual budget grows by n units per step). Both published
 * definitions start from the plain share budget / n:
 * - `exhaustive` (pabutools' `voter_budget_increment=1`, our `mes-add1`): stop at the first outcome that is
 *   exhaustive (no project MES could buy still fits in what is left), or return the last outcome that fits the
 *   real budget when the next one would not;
 * - `overspend` (equalshares.net's Add1 as used by Wieliczka, Świecie and Assen, our `mes-equalshares`): keep
 *   going while the outcome fits and return the last one that does.
 * When an outcome already holds every project MES could buy, no larger share can add one, so both stop there.
 *
 * Skipping shares, and why it returns the same outcome as stepping one unit at a time.
 * Claim: let runs at shares β0 < β1 buy the same sequence σ. If at every round t each other project k still
 * in the race at β1 has ρ_k(β1) > ρ_t(β0), or ρ_k(β1) = ρ_t(β0) with σ_t first in the tie-break order, then
 * MES buys exactly σ at every share in [β0, β1].
 * Proof, by induction over the rounds, assuming every β in [β0, β1] bought σ_1 … σ_{t−1}:
 * - each voter's budget before round t is a non-decreasing, continuous function of β. Within one round with a
 *   fixed poor/rich split, ρ = (cost − Σ_poor w·b) / Σ_rich w·u falls as poor budgets rise, so a rich
 *   supporter's new budget b − ρ·u rises at least as fast as b, and a poor one's is 0; ρ is continuous in the
 *   budgets, so the pieces join up;
 * - a project's ρ (and whether it is affordable at all) can only improve when budgets rise. So for β in
 *   [β0, β1]: ρ_t(β) ≤ ρ_t(β0) and ρ_k(β) ≥ ρ_k(β1) > ρ_t(β0) (or the tie goes to σ_t), and projects out of
 *   reach at β1 are out of reach at β: σ_t wins round t at β as well;
 * - after σ nothing is affordable at β1, hence nothing at any smaller β: every run stops after σ.
 * A run records, per round, the best ρ among the projects it evaluated besides the winner and a lower bound
 * for those it did not, so two runs can be checked against the claim without rerunning (`certifies`); when
 * the later run did not look far enough, it is rerun looking up to the earlier run's ρ.
 *
 * The search walks the shares in order: it runs a share some stride ahead (the stride doubles each time),
 * and resolves the stretch in between by the claim, or by bisection where the claim does not hold. Where
 * outcomes change at nearly every unit (or only the order of purchase changes), this degrades to the unit
 * steps plus a few extra runs; where they are steady, a stretch of hundreds of units costs a few runs.
 */

export type Add1Stop = 'exhaustive' | 'overspend';

export interface Add1Result {
  readonly run: EqualSharesRun;
  /** MES runs computed (stepping one unit at a time would have needed `run.increments + 1` or more). */
  readonly runs: number;
}

export function outcomeCost(profile: EqualSharesProfile, run: EqualSharesRun): number {
  let total = 0;
  for (const project of run.winners) {
    total += profile.cost[project]!;
  }
  return total;
}

function isExhaustive(profile: EqualSharesProfile, run: EqualSharesRun, spent: number): boolean {
  const taken = new Set(run.winners);
  for (let j = 0; j < profile.projectCount; j++) {
    if (profile.eligible[j] && !taken.has(j) && spent + profile.cost[j]! <= profile.budget) {
      return false;
    }
  }
  return true;
}

function holdsEveryEligible(profile: EqualSharesProfile, run: EqualSharesRun): boolean {
  let eligible = 0;
  for (let j = 0; j < profile.projectCount; j++) {
    eligible += profile.eligible[j]!;
  }
  return run.winners.length === eligible;
}

/**
 * Does every share between run `a`'s and run `b`'s (a below b) buy a's sequence? `yes` when the two runs buy
 * the same sequence and at every round b's runners-up are all worse than a's winner was; `no` when one is not;
 * `unknown` when b did not evaluate far enough to tell.
 */
export function certifies(
  engine: EqualSharesEngine,
  a: EqualSharesRun,
  b: EqualSharesRun,
): 'yes' | 'no' | 'unknown' {
  const { tieRank } = engine.profile;
  if (a.winners.length !== b.winners.length) {
    return 'no';
  }
  if (a.winners.some((project, t) => b.winners[t] !== project)) {
    return 'no';
  }
  let verdict: 'yes' | 'unknown' = 'yes';
  for (let t = 0; t < a.winners.length; t++) {
    if (b.rivalApprox[t] !== Infinity) {
      const order = engine.compareRho(
        b.rivalNum[t]!,
        b.rivalDen[t]!,
        b.rivalApprox[t]!,
        a.rhoNum[t]!,
        a.rhoDen[t]!,
        a.rhoApprox[t]!,
      );
      if (order < 0 || (order === 0 && tieRank[a.winners[t]!]! > b.rivalRank[t]!)) {
        return 'no';
      }
    }
    if (!(b.unexplored[t]! > a.rhoApprox[t]! * (1 + 1e-12))) {
      verdict = 'unknown';
    }
  }
  return verdict;
}

export function equalSharesAdd1(engine: EqualSharesEngine, stop: Add1Stop): Add1Result {
  const { profile } = engine;
  let runs = 0;
  const runAt = (increments: number, reach?: readonly number[]): EqualSharesRun => {
    runs++;
    return engine.run(increments, reach);
  };
  const finished = (run: EqualSharesRun): boolean =>
    (stop === 'exhaustive' && isExhaustive(profile, run, outcomeCost(profile, run))) ||
    holdsEveryEligible(profile, run);
  // The answer when the unit steps reach `next` right after `previous`, or undefined to keep going.
  const stopsAt = (previous: EqualSharesRun, next: EqualSharesRun): EqualSharesRun | undefined =>
    outcomeCost(profile, next) > profile.budget ? previous : finished(next) ? next : undefined;
  // Walks the shares in (a, b] in increasing order, given that the walk did not stop at a.
  const resolve = (a: EqualSharesRun, b: EqualSharesRun): EqualSharesRun | undefined => {
    if (b.increments === a.increments + 1) {
      return stopsAt(a, b);
    }
    let verdict = certifies(engine, a, b);
    if (verdict === 'unknown') {
      verdict = certifies(engine, a, runAt(b.increments, a.rhoApprox));
    }
    if (verdict === 'yes') {
      return undefined;
    }
    const middle = runAt(Math.floor((a.increments + b.increments) / 2));
    return resolve(a, middle) ?? resolve(middle, b);
  };

  let current = runAt(0);
  if (finished(current)) {
    return { run: current, runs };
  }
  for (let width = 2; ; width *= 2) {
    const ahead = runAt(current.increments + width);
    const answer = resolve(current, ahead);
    if (answer) {
      return { run: answer, runs };
    }
    current = ahead;
  }
}
