import { compareRatios, ratioToNumber } from './exact-ratio.math';
import { BallotGrouper } from './ballot.grouper';
import { TallyInputError, voterCount, type TallyElection } from './tally-election.model';

/**
 * The Method of Equal Shares (Peters & Skowron), one run for a given per-voter share, in exact arithmetic.
 *
 * Every voter starts with the same share β. Buying project j at price factor ρ charges each supporter i
 * `min(b_i, ρ·u_ij)`, where `u_ij` is i's utility for j; ρ_j is the smallest factor at which j's supporters
 * can pay its cost. Each round buys the project with the smallest ρ (ties by the tie-break order) until no
 * remaining project is affordable.
 *
 * How it stays exact and fast:
 * - Identical ballots are one "type" with a weight. A voter's budget depends only on which bought projects
 *   they paid for and with which utility: `b = max(0, β − Σ ρ_t·u_t)`. Voters with the same payment history
 *   form a "class" whose budget never changes again, and every voter who ever paid all they had sits in the
 *   single empty class. A project's supporters reduce to a few (class, utility) buckets.
 * - Exact values are BigInt numerators over one common denominator D: β·D and R_t = ρ_t·D. A sum over
 *   buckets is then `W·β·D − Σ_t a_t·R_t` with small integer coefficients a_t, so one exact ρ costs one
 *   BigInt term per round so far, whatever the number of voters.
 * - Doubles only propose: the poor/rich split of a project's supporters is found by Newton's iteration in
 *   doubles, then ρ is computed exactly from that split and the split is re-checked. A bucket whose double
 *   margin is below 1e-9 of the share (the doubles' error is below 1e-12 of it: a few roundings per round)
 *   is re-checked in BigInt, and any disagreement falls back to an all-BigInt split. Comparisons between
 *   projects do the same (doubles decide only when they differ by more than 1e-12 relatively, else BigInt).
 * - Lazy evaluation: ρ of a project only grows during a run (budgets only shrink), so the last computed ρ is
 *   a lower bound; projects are re-evaluated in order of that bound and the round stops once the bound
 *   exceeds the best ρ found.
 */

export type UtilityKind = 'cost' | 'cardinality';

export interface EqualSharesProfile {
  readonly voters: number;
  readonly projectCount: number;
  readonly budget: number;
  readonly unitsPerCurrency: number;
  readonly cost: Float64Array;
  /** Positive cost and positive support: the projects MES may buy. */
  readonly eligible: Uint8Array;
  /** Cost 0 and some positive utility (not under cost utilities, where it is worth 0): funded upfront. */
  readonly free: readonly number[];
  readonly tieRank: Int32Array;
  readonly typeCount: number;
  readonly typeWeight: Float64Array;
  /** Supporters of project j are `supType[supStart[j] .. supStart[j+1])`. */
  readonly supStart: Int32Array;
  readonly supType: Int32Array;
  /** Index of the supporter's utility among the project's distinct utilities. */
  readonly supLevel: Int32Array;
  readonly levels: number;
  /** `levelUtility[j * levels + level]`. */
  readonly levelUtility: Float64Array;
  /** c_j / Σ w·u: ρ can never be lower. */
  readonly initialBound: Float64Array;
}

export interface EqualSharesRun {
  /** Currency units added to every voter's share (0 for plain MES). */
  readonly increments: number;
  /** Projects bought, in order; free projects excluded. */
  readonly winners: readonly number[];
  /** ρ of each round's winner, exactly (numerator, denominator) and as a double. */
  readonly rhoNum: readonly bigint[];
  readonly rhoDen: readonly bigint[];
  readonly rhoApprox: readonly number[];
  /**
   * What the run learnt about each round's runners-up (used to certify stretches of shares, see
   * `equal-shares.rule`): the lowest exact ρ among the other projects it evaluated (`rivalApprox` Infinity if
   * none), the best tie-break rank among those at exactly that ρ, and a lower bound on the ρ of every project
   * it did not evaluate (Infinity if it evaluated them all).
   */
  readonly rivalNum: readonly bigint[];
  readonly rivalDen: readonly bigint[];
  readonly rivalApprox: readonly number[];
  readonly rivalRank: readonly number[];
  readonly unexplored: readonly number[];
  readonly evaluations: number;
}

export function buildEqualSharesProfile(
  election: TallyElection,
  utility: UtilityKind,
  tieRank: Int32Array,
): EqualSharesProfile {
  const m = election.projects.length;
  const cumulative = election.ballotKind === 'cumulative';
  const cost = Float64Array.from(election.projects, (p) => p.cost);
  // Voter types: distinct ballots once zero-point entries are dropped (points only matter as utilities).
  const grouper = new BallotGrouper();
  const keepPoints = cumulative && utility === 'cost';
  const projects = new Int32Array(m);
  const points = new Int32Array(m);
  for (const ballot of election.ballots) {
    const given = cumulative ? ballot.points : undefined;
    let length = 0;
    let sorted = true;
    for (let i = 0; i < ballot.projects.length; i++) {
      if (given && !(given[i]! > 0)) {
        continue;
      }
      projects[length] = ballot.projects[i]!;
      points[length] = given ? given[i]! : 1;
      if (length > 0 && projects[length]! < projects[length - 1]!) {
        sorted = false;
      }
      length++;
    }
    // Ballots that are already clean (sorted, nothing dropped) are taken as they are, without a copy.
    const own = sorted && length === ballot.projects.length && (!keepPoints || ballot.points !== undefined);
    if (own) {
      grouper.add(ballot.projects, keepPoints ? ballot.points : undefined, length, ballot.weight ?? 1, true);
    } else {
      grouper.add(projects, keepPoints ? points : undefined, length, ballot.weight ?? 1);
    }
  }
  const types = grouper.ballots().filter((ballot) => ballot.projects.length > 0);
  const supStart = new Int32Array(m + 1);
  for (const type of types) {
    for (const project of type.projects) {
      supStart[project + 1]!++;
    }
  }
  for (let j = 0; j < m; j++) {
    supStart[j + 1]! += supStart[j]!;
  }
  const supType = new Int32Array(supStart[m]!);
  const supUtility = new Float64Array(supStart[m]!);
  const fill = supStart.slice(0, m);
  const typeWeight = new Float64Array(types.length);
  for (let t = 0; t < types.length; t++) {
    const type = types[t]!;
    typeWeight[t] = type.weight ?? 1;
    for (let i = 0; i < type.projects.length; i++) {
      const project = type.projects[i]!;
      const at = fill[project]!++;
      supType[at] = t;
      supUtility[at] = utility === 'cardinality' ? 1 : keepPoints ? type.points![i]! : cost[project]!;
    }
  }
  // Distinct utilities per project: one for approval ballots, a few point values for cumulative ones.
  const levelLists: number[][] = [];
  let levels = 1;
  for (let j = 0; j < m; j++) {
    const distinct = keepPoints
      ? [...new Set(supUtility.subarray(supStart[j], supStart[j + 1]))].sort((a, b) => a - b)
      : [utility === 'cardinality' ? 1 : cost[j]!];
    levelLists.push(distinct);
    levels = Math.max(levels, distinct.length);
  }
  const levelUtility = new Float64Array(m * levels);
  const supLevel = new Int32Array(supType.length);
  const eligible = new Uint8Array(m);
  const initialBound = new Float64Array(m);
  const free: number[] = [];
  let maxUtility = 0;
  for (let j = 0; j < m; j++) {
    const list = levelLists[j]!;
    list.forEach((u, level) => (levelUtility[j * levels + level] = u));
    let totalUtility = 0;
    for (let at = supStart[j]!; at < supStart[j + 1]!; at++) {
      const u = supUtility[at]!;
      supLevel[at] = list.length === 1 ? 0 : list.indexOf(u);
      totalUtility += typeWeight[supType[at]!]! * u;
      maxUtility = Math.max(maxUtility, u);
    }
    if (totalUtility > 0 && cost[j]! > 0) {
      eligible[j] = 1;
      initialBound[j] = cost[j]! / totalUtility;
    } else if (totalUtility > 0) {
      free.push(j);
    }
  }
  const voters = voterCount(election);
  // Weighted sums of utilities are kept in doubles; they must stay exact integers.
  if (voters * maxUtility > Number.MAX_SAFE_INTEGER) {
    throw new TallyInputError('voters × largest utility is too large for exact equal-shares arithmetic');
  }
  return {
    voters,
    projectCount: m,
    budget: election.budget,
    unitsPerCurrency: election.unitsPerCurrency,
    cost,
    eligible,
    free,
    tieRank,
    typeCount: types.length,
    typeWeight,
    supStart,
    supType,
    supLevel,
    levels,
    levelUtility,
    initialBound,
  };
}

const EMPTY = 0;
const ROOT = 1;
const MARGIN = 1e-9;
const RELATIVE = 1e-12;
/** How far past the winner's ρ each round keeps evaluating, to learn its runners-up. */
const LOOKAHEAD = 0.02;

/** Scratch for one project's evaluation: its supporters grouped into (class, utility) buckets. */
class Buckets {
  readonly cls: Int32Array;
  readonly level: Int32Array;
  readonly weight: Float64Array;
  readonly budget: Float64Array;
  readonly utility: Float64Array;
  readonly poor: Uint8Array;
  count = 0;
  rhoNum = 0n;
  rhoDen = 1n;
  rhoApprox = 0;
  richUtility = 0;

  constructor(size: number) {
    this.cls = new Int32Array(size);
    this.level = new Int32Array(size);
    this.weight = new Float64Array(size);
    this.budget = new Float64Array(size);
    this.utility = new Float64Array(size);
    this.poor = new Uint8Array(size);
  }
}

/** Reusable state for many runs on one profile (the add1 completions run MES dozens of times). */
export class EqualSharesEngine {
  private readonly classOf: Int32Array;
  private readonly supType: Int32Array;
  private readonly supLevel: Int32Array;
  private readonly supLen: Int32Array;
  private clsParent = new Int32Array(0);
  private clsStep = new Int32Array(0);
  private clsUtility = new Float64Array(0);
  private clsBudget = new Float64Array(0);
  private classCount = 0;
  private stamp = new Int32Array(0);
  private slot = new Int32Array(0);
  private stampGen = 0;
  private spare: Buckets;
  private best: Buckets;
  private readonly newClass: Int32Array;
  private readonly coef: Float64Array;
  private readonly touched: Int32Array;
  private readonly bound: Float64Array;
  private readonly removed: Uint8Array;
  private denominator = 1n;
  private shareNum = 0n;
  private shareApprox = 0;
  private paid: bigint[] = [];
  private evaluations = 0;

  /** `paranoid` re-checks every double-proposed decision in BigInt (for tests). */
  constructor(
    readonly profile: EqualSharesProfile,
    private readonly paranoid = false,
  ) {
    const m = profile.projectCount;
    this.classOf = new Int32Array(profile.typeCount);
    this.supType = new Int32Array(profile.supType.length);
    this.supLevel = new Int32Array(profile.supType.length);
    this.supLen = new Int32Array(m);
    this.spare = new Buckets(profile.typeCount + 1);
    this.best = new Buckets(profile.typeCount + 1);
    this.newClass = new Int32Array(profile.typeCount + 1);
    this.coef = new Float64Array(m + 1);
    this.touched = new Int32Array(m + 1);
    this.bound = new Float64Array(m);
    this.removed = new Uint8Array(m);
    this.growClasses(Math.max(16, profile.typeCount * 2));
  }

  /**
   * MES with each voter's share raised by `increments` currency units: β = budget / n + increments.
   * Besides the winner, each round evaluates every project whose ρ might be within `LOOKAHEAD` of the winner's
   * or (with `reach`) up to `reach[round]`, so that the run can later certify a stretch of shares.
   */
  run(increments: number, reach?: readonly number[]): EqualSharesRun {
    const { profile, bound, removed } = this;
    const { tieRank } = profile;
    this.evaluations = 0;
    this.reset(increments);
    const remaining: number[] = [];
    if (profile.voters > 0) {
      for (let j = 0; j < profile.projectCount; j++) {
        if (profile.eligible[j]) {
          remaining.push(j);
        }
      }
    }
    const winners: number[] = [];
    const rhoNum: bigint[] = [];
    const rhoDen: bigint[] = [];
    const rhoApprox: number[] = [];
    const rivalNum: bigint[] = [];
    const rivalDen: bigint[] = [];
    const rivalApprox: number[] = [];
    const rivalRank: number[] = [];
    const unexplored: number[] = [];
    const rival = { num: 0n, den: 1n, approx: Infinity, rank: Infinity };
    for (let step = 0; remaining.length > 0; step++) {
      remaining.sort((a, b) => bound[a]! - bound[b]! || tieRank[a]! - tieRank[b]!);
      const wanted = reach?.[step] ?? 0;
      let winner = -1;
      let frontier = Infinity;
      rival.approx = Infinity;
      rival.rank = Infinity;
      for (const project of remaining) {
        if (removed[project]) {
          continue;
        }
        // Bounds only grow during a run, so once one is past the best ρ (with some look-ahead) we are done.
        if (winner >= 0) {
          const limit = Math.max(this.best.rhoApprox * (1 + LOOKAHEAD), wanted) * (1 + RELATIVE);
          if (bound[project]! > limit) {
            frontier = bound[project]!;
            break;
          }
        }
        if (!this.evaluate(project, this.spare)) {
          removed[project] = 1;
          continue;
        }
        bound[project] = this.spare.rhoApprox;
        // Whichever of the two loses goes on record as a runner-up.
        const wins = winner < 0 || this.spareWins(project, winner);
        if (winner >= 0) {
          const loser = wins ? this.best : this.spare;
          this.recordRival(rival, loser, wins ? winner : project);
        }
        if (wins) {
          winner = project;
          [this.best, this.spare] = [this.spare, this.best];
        }
      }
      if (winner < 0) {
        break;
      }
      rhoNum.push(this.best.rhoNum);
      rhoDen.push(this.best.rhoDen);
      rhoApprox.push(this.best.rhoApprox);
      rivalNum.push(rival.num);
      rivalDen.push(rival.den);
      rivalApprox.push(rival.approx);
      rivalRank.push(rival.rank);
      unexplored.push(frontier);
      this.select(winner, step);
      winners.push(winner);
      removed[winner] = 1;
      let kept = 0;
      for (const project of remaining) {
        if (!removed[project]) {
          remaining[kept++] = project;
        }
      }
      remaining.length = kept;
    }
    return {
      increments,
      winners,
      rhoNum,
      rhoDen,
      rhoApprox,
      rivalNum,
      rivalDen,
      rivalApprox,
      rivalRank,
      unexplored,
      evaluations: this.evaluations,
    };
  }

  private recordRival(
    rival: { num: bigint; den: bigint; approx: number; rank: number },
    buckets: Buckets,
    project: number,
  ): void {
    const rank = this.profile.tieRank[project]!;
    const order =
      rival.approx === Infinity
        ? -1
        : this.compareRho(
            buckets.rhoNum,
            buckets.rhoDen,
            buckets.rhoApprox,
            rival.num,
            rival.den,
            rival.approx,
          );
    if (order < 0) {
      rival.num = buckets.rhoNum;
      rival.den = buckets.rhoDen;
      rival.approx = buckets.rhoApprox;
      rival.rank = rank;
    } else if (order === 0) {
      rival.rank = Math.min(rival.rank, rank);
    }
  }

  private reset(increments: number): void {
    const { profile } = this;
    const n = profile.voters;
    this.classOf.fill(ROOT);
    this.supType.set(profile.supType);
    this.supLevel.set(profile.supLevel);
    for (let j = 0; j < profile.projectCount; j++) {
      this.supLen[j] = profile.supStart[j + 1]! - profile.supStart[j]!;
    }
    this.classCount = 2;
    this.clsBudget[EMPTY] = 0;
    this.denominator = BigInt(Math.max(n, 1));
    this.shareNum =
      BigInt(profile.budget) + BigInt(increments) * BigInt(n) * BigInt(profile.unitsPerCurrency);
    this.shareApprox = ratioToNumber(this.shareNum, this.denominator);
    this.clsBudget[ROOT] = this.shareApprox;
    this.clsParent[ROOT] = EMPTY;
    this.paid = [];
    this.bound.set(profile.initialBound);
    this.removed.fill(0);
  }

  private growClasses(capacity: number): void {
    const grow = <T extends Int32Array | Float64Array>(
      old: T,
      make: (size: number) => T,
      size: number,
    ): T => {
      const next = make(size);
      next.set(old as never);
      return next;
    };
    this.clsParent = grow(this.clsParent, (s) => new Int32Array(s), capacity);
    this.clsStep = grow(this.clsStep, (s) => new Int32Array(s), capacity);
    this.clsUtility = grow(this.clsUtility, (s) => new Float64Array(s), capacity);
    this.clsBudget = grow(this.clsBudget, (s) => new Float64Array(s), capacity);
    this.stamp = grow(this.stamp, (s) => new Int32Array(s), capacity * this.profile.levels);
    this.slot = grow(this.slot, (s) => new Int32Array(s), capacity * this.profile.levels);
  }

  /** Groups j's supporters into buckets and finds its exact ρ; false when its supporters cannot pay for it. */
  private evaluate(j: number, buckets: Buckets): boolean {
    this.evaluations++;
    const { profile, classOf, supType, supLevel, stamp, slot, clsBudget } = this;
    const levels = profile.levels;
    const typeWeight = profile.typeWeight;
    const start = profile.supStart[j]!;
    let len = this.supLen[j]!;
    const gen = ++this.stampGen;
    const { cls, level, weight } = buckets;
    let count = 0;
    for (let i = 0; i < len;) {
      const at = start + i;
      const type = supType[at]!;
      const c = classOf[type]!;
      if (c === EMPTY) {
        // Spent voters stay spent for the rest of the run: drop them from the list for good.
        len--;
        supType[at] = supType[start + len]!;
        supLevel[at] = supLevel[start + len]!;
        continue;
      }
      const key = c * levels + supLevel[at]!;
      let s: number;
      if (stamp[key] !== gen) {
        stamp[key] = gen;
        s = count++;
        slot[key] = s;
        cls[s] = c;
        level[s] = supLevel[at]!;
        weight[s] = 0;
      } else {
        s = slot[key]!;
      }
      weight[s]! += typeWeight[type]!;
      i++;
    }
    this.supLen[j] = len;
    buckets.count = count;
    if (count === 0) {
      return false;
    }
    const { budget, utility } = buckets;
    let money = 0;
    let totalWeight = 0;
    let totalUtility = 0;
    for (let s = 0; s < count; s++) {
      budget[s] = clsBudget[cls[s]!]!;
      utility[s] = profile.levelUtility[j * levels + level[s]!]!;
      money += weight[s]! * budget[s]!;
      totalWeight += weight[s]!;
      totalUtility += weight[s]! * utility[s]!;
    }
    const cost = profile.cost[j]!;
    const slack = MARGIN * totalWeight * this.shareApprox;
    if (this.paranoid || Math.abs(money - cost) <= slack) {
      if (!this.exactlyAffordable(buckets, cost)) {
        return false;
      }
    } else if (money < cost) {
      return false;
    }
    if (!this.newtonSplit(buckets, cost, totalUtility) || !this.splitHolds(buckets)) {
      this.exactSplit(buckets, cost);
    }
    return true;
  }

  /**
   * Newton's iteration on f(ρ) = Σ w·min(b, ρ·u) = cost from ρ = cost / Σ w·u: f is concave and piecewise
   * linear, so each step lands on or below the root and the poor set only grows; it stops when the poor set
   * stops growing. Then ρ is recomputed exactly from that split.
   */
  private newtonSplit(buckets: Buckets, cost: number, totalUtility: number): boolean {
    const { count, budget, utility, weight, poor } = buckets;
    let rho = cost / totalUtility;
    let previous = -1;
    for (let iteration = 0; ; iteration++) {
      let poorMoney = 0;
      let richUtility = 0;
      let poorCount = 0;
      for (let s = 0; s < count; s++) {
        if (budget[s]! < rho * utility[s]!) {
          poor[s] = 1;
          poorMoney += weight[s]! * budget[s]!;
          poorCount++;
        } else {
          poor[s] = 0;
          richUtility += weight[s]! * utility[s]!;
        }
      }
      if (richUtility <= 0 || iteration > 200) {
        return false;
      }
      if (poorCount === previous) {
        break;
      }
      previous = poorCount;
      rho = (cost - poorMoney) / richUtility;
    }
    this.exactRho(buckets, cost);
    return true;
  }

  /** ρ = (cost − Σ_poor w·b) / Σ_rich w·u, exactly, for the split in `buckets.poor`. */
  private exactRho(buckets: Buckets, cost: number): void {
    const { count, cls, weight, utility, poor } = buckets;
    const { coef, touched, clsParent, clsStep, clsUtility } = this;
    let poorWeight = 0;
    let richUtility = 0;
    let touchedCount = 0;
    for (let s = 0; s < count; s++) {
      if (!poor[s]) {
        richUtility += weight[s]! * utility[s]!;
        continue;
      }
      poorWeight += weight[s]!;
      for (let node = cls[s]!; node > ROOT; node = clsParent[node]!) {
        const step = clsStep[node]!;
        if (coef[step] === 0) {
          touched[touchedCount++] = step;
        }
        coef[step]! += weight[s]! * clsUtility[node]!;
      }
    }
    let num = BigInt(cost) * this.denominator - BigInt(poorWeight) * this.shareNum;
    for (let i = 0; i < touchedCount; i++) {
      const step = touched[i]!;
      num += BigInt(coef[step]!) * this.paid[step]!;
      coef[step] = 0;
    }
    buckets.richUtility = richUtility;
    buckets.rhoNum = num;
    buckets.rhoDen = this.denominator * BigInt(richUtility);
    buckets.rhoApprox = ratioToNumber(num, buckets.rhoDen);
  }

  /** Budget of a class as a numerator over the common denominator: β·D − Σ R_t·u_t along its history. */
  private classNumerator(c: number): bigint {
    if (c === EMPTY) {
      return 0n;
    }
    let value = this.shareNum;
    for (let node = c; node > ROOT; node = this.clsParent[node]!) {
      value -= BigInt(this.clsUtility[node]!) * this.paid[this.clsStep[node]!]!;
    }
    return value;
  }

  /** Poor means b < ρ·u; in exact terms N·Σ_rich w·u < u·ρNum, as ρ = ρNum / (D·Σ_rich w·u). */
  private exactlyPoor(buckets: Buckets, s: number): boolean {
    const left = this.classNumerator(buckets.cls[s]!) * BigInt(buckets.richUtility);
    return left < BigInt(buckets.utility[s]!) * buckets.rhoNum;
  }

  private splitHolds(buckets: Buckets): boolean {
    const { count, budget, utility, poor, rhoApprox } = buckets;
    if (buckets.rhoNum <= 0n) {
      return false;
    }
    for (let s = 0; s < count; s++) {
      const charge = rhoApprox * utility[s]!;
      const margin = budget[s]! - charge;
      const close = Math.abs(margin) <= MARGIN * Math.max(this.shareApprox, charge);
      const isPoor = this.paranoid || close ? this.exactlyPoor(buckets, s) : margin < 0;
      if (isPoor !== (poor[s] === 1)) {
        return false;
      }
    }
    return true;
  }

  /** The fallback: sort buckets by exact b/u and walk up from the poorest, all in BigInt. */
  private exactSplit(buckets: Buckets, cost: number): void {
    const { count, cls, weight, utility, poor } = buckets;
    const numerators: bigint[] = [];
    const order: number[] = [];
    for (let s = 0; s < count; s++) {
      numerators.push(this.classNumerator(cls[s]!));
      order.push(s);
    }
    order.sort((a, b) => {
      const left = numerators[a]! * BigInt(utility[b]!);
      const right = numerators[b]! * BigInt(utility[a]!);
      return left < right ? -1 : left > right ? 1 : 0;
    });
    const owed = BigInt(cost) * this.denominator;
    let paid = 0n;
    let richUtility = 0;
    for (let s = 0; s < count; s++) {
      richUtility += weight[s]! * utility[s]!;
    }
    poor.fill(0, 0, count);
    for (const s of order) {
      if (numerators[s]! * BigInt(richUtility) >= (owed - paid) * BigInt(utility[s]!)) {
        break;
      }
      poor[s] = 1;
      paid += BigInt(weight[s]!) * numerators[s]!;
      richUtility -= weight[s]! * utility[s]!;
    }
    buckets.richUtility = richUtility;
    buckets.rhoNum = owed - paid;
    buckets.rhoDen = this.denominator * BigInt(richUtility);
    buckets.rhoApprox = ratioToNumber(buckets.rhoNum, buckets.rhoDen);
  }

  private exactlyAffordable(buckets: Buckets, cost: number): boolean {
    let money = 0n;
    for (let s = 0; s < buckets.count; s++) {
      money += BigInt(buckets.weight[s]!) * this.classNumerator(buckets.cls[s]!);
    }
    return money >= BigInt(cost) * this.denominator;
  }

  /** ρ(a) vs ρ(b): negative when a's is lower; doubles decide only when clearly apart. */
  compareRho(an: bigint, ad: bigint, aApprox: number, bn: bigint, bd: bigint, bApprox: number): number {
    if (!this.paranoid) {
      if (aApprox < bApprox * (1 - RELATIVE)) {
        return -1;
      }
      if (aApprox > bApprox * (1 + RELATIVE)) {
        return 1;
      }
    }
    return compareRatios(an, ad, bn, bd);
  }

  /** Does the project just evaluated (in `spare`) beat the current best? */
  private spareWins(project: number, current: number): boolean {
    const { spare, best } = this;
    const order = this.compareRho(
      spare.rhoNum,
      spare.rhoDen,
      spare.rhoApprox,
      best.rhoNum,
      best.rhoDen,
      best.rhoApprox,
    );
    return order < 0 || (order === 0 && this.profile.tieRank[project]! < this.profile.tieRank[current]!);
  }

  /** Buys the project evaluated in `best`: rescale to the new common denominator, then move its supporters. */
  private select(j: number, step: number): void {
    const buckets = this.best;
    const scale = BigInt(buckets.richUtility);
    this.shareNum *= scale;
    for (let t = 0; t < step; t++) {
      this.paid[t]! *= scale;
    }
    this.denominator = buckets.rhoDen;
    this.paid[step] = buckets.rhoNum;
    const { count, cls, level, budget, utility, poor } = buckets;
    const levels = this.profile.levels;
    if (this.classCount + count > this.clsParent.length) {
      this.growClasses((this.classCount + count) * 2);
    }
    const { newClass, clsParent, clsStep, clsUtility, clsBudget } = this;
    for (let s = 0; s < count; s++) {
      if (poor[s]) {
        newClass[s] = EMPTY;
        continue;
      }
      const c = this.classCount++;
      clsParent[c] = cls[s]!;
      clsStep[c] = step;
      clsUtility[c] = utility[s]!;
      clsBudget[c] = Math.max(0, budget[s]! - buckets.rhoApprox * utility[s]!);
      newClass[s] = c;
    }
    const { stamp, slot, classOf, supType, supLevel } = this;
    const gen = ++this.stampGen;
    for (let s = 0; s < count; s++) {
      const key = cls[s]! * levels + level[s]!;
      stamp[key] = gen;
      slot[key] = s;
    }
    const start = this.profile.supStart[j]!;
    const end = start + this.supLen[j]!;
    for (let at = start; at < end; at++) {
      const type = supType[at]!;
      const c = classOf[type]!;
      if (c !== EMPTY) {
        classOf[type] = newClass[slot[c * levels + supLevel[at]!]!]!;
      }
    }
  }
}
