import * as path from 'node:path';
import { parsePbFile, pabulibDir } from '../pabulib/pb-file.reader';
import { buildEqualSharesProfile, EqualSharesEngine, type EqualSharesProfile } from './equal-shares.engine';
import { certifies } from './equal-shares.rule';
import { tally, type TallyRule } from './tally.rules';
import type { TallyElection } from './tally-election.model';
import { byProjectId, tieRanks, type TieBreak } from './tie-break.model';

/**
 * The fast Method of Equal Shares (classes of voters, BigInt over a common denominator, doubles as a
 * filter, lazy re-evaluation, certified skipping in Add1) against a deliberately naive reference: one budget
 * per ballot as an exact fraction, every project re-evaluated every round with the poor/rich iteration of
 * the definition, and Add1 rerun at every single increment.
 */

class Fraction {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static of(num: bigint, den = 1n): Fraction {
    if (den < 0n) {
      [num, den] = [-num, -den];
    }
    const divisor = gcd(num < 0n ? -num : num, den);
    return new Fraction(num / divisor, den / divisor);
  }

  add(other: Fraction): Fraction {
    return Fraction.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Fraction): Fraction {
    return Fraction.of(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  mul(other: Fraction): Fraction {
    return Fraction.of(this.num * other.num, this.den * other.den);
  }

  div(other: Fraction): Fraction {
    return Fraction.of(this.num * other.den, this.den * other.num);
  }

  cmp(other: Fraction): number {
    const diff = this.num * other.den - other.num * this.den;
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    [a, b] = [b, a % b];
  }
  return a === 0n ? 1n : a;
}

const ZERO = Fraction.of(0n);

interface NaiveVoter {
  weight: bigint;
  budget: Fraction;
  utility: Map<number, bigint>;
}

function naiveVoters(
  election: TallyElection,
  utility: 'cost' | 'cardinality',
  share: Fraction,
): NaiveVoter[] {
  const cumulative = election.ballotKind === 'cumulative';
  return election.ballots.map((ballot) => {
    const utilities = new Map<number, bigint>();
    ballot.projects.forEach((project, i) => {
      const points = cumulative ? (ballot.points?.[i] ?? 1) : 1;
      if (points <= 0) {
        return;
      }
      const u = utility === 'cardinality' ? 1 : cumulative ? points : election.projects[project]!.cost;
      utilities.set(project, BigInt(u));
    });
    return { weight: BigInt(ballot.weight ?? 1), budget: share, utility: utilities };
  });
}

function supportOf(voters: NaiveVoter[], project: number): bigint {
  return voters.reduce((sum, v) => sum + (v.utility.get(project) ?? 0n) * v.weight, 0n);
}

/** pabutools' free projects first (cost 0 with support), then the rounds of MES at the given share. */
function naiveMes(
  election: TallyElection,
  utility: 'cost' | 'cardinality',
  share: Fraction,
  rank: Int32Array,
): number[] {
  const voters = naiveVoters(election, utility, share);
  const free: number[] = [];
  const remaining = new Set<number>();
  election.projects.forEach((p, j) => {
    if (supportOf(voters, j) === 0n) {
      return;
    }
    if (p.cost === 0) {
      free.push(j);
    } else {
      remaining.add(j);
    }
  });
  const winners: number[] = [];
  for (;;) {
    let best = -1;
    let bestRho = ZERO;
    for (const j of [...remaining]) {
      const cost = Fraction.of(BigInt(election.projects[j]!.cost));
      const supporters = voters.filter((v) => v.utility.has(j));
      const money = supporters.reduce((sum, v) => sum.add(v.budget.mul(Fraction.of(v.weight))), ZERO);
      if (money.cmp(cost) < 0) {
        remaining.delete(j);
        continue;
      }
      let rich = supporters;
      let poorMoney = ZERO;
      let rho: Fraction;
      for (;;) {
        const richUtility = rich.reduce((sum, v) => sum + v.weight * v.utility.get(j)!, 0n);
        rho = cost.sub(poorMoney).div(Fraction.of(richUtility));
        const r = rho;
        const poor = rich.filter((v) => v.budget.cmp(r.mul(Fraction.of(v.utility.get(j)!))) < 0);
        if (poor.length === 0) {
          break;
        }
        for (const v of poor) {
          poorMoney = poorMoney.add(v.budget.mul(Fraction.of(v.weight)));
        }
        rich = rich.filter((v) => !poor.includes(v));
      }
      const order = best < 0 ? -1 : rho.cmp(bestRho);
      if (order < 0 || (order === 0 && rank[j]! < rank[best]!)) {
        best = j;
        bestRho = rho;
      }
    }
    if (best < 0) {
      return [...free, ...winners];
    }
    winners.push(best);
    remaining.delete(best);
    for (const v of voters) {
      const u = v.utility.get(best);
      if (u === undefined) {
        continue;
      }
      const charge = bestRho.mul(Fraction.of(u));
      v.budget = v.budget.sub(charge.cmp(v.budget) < 0 ? charge : v.budget);
    }
  }
}

function naiveGreedyAfter(election: TallyElection, chosen: number[], rank: Int32Array): number[] {
  const score = election.projects.map(() => 0);
  for (const ballot of election.ballots) {
    ballot.projects.forEach((project, i) => {
      const points = election.ballotKind === 'cumulative' ? (ballot.points?.[i] ?? 1) : 1;
      score[project]! += points * (ballot.weight ?? 1);
    });
  }
  const order = election.projects
    .map((_, j) => j)
    .sort((a, b) => score[b]! - score[a]! || rank[a]! - rank[b]!);
  const out = [...chosen];
  let left = election.budget - chosen.reduce((sum, j) => sum + election.projects[j]!.cost, 0);
  for (const j of order) {
    if (out.includes(j) || election.projects[j]!.cost > left) {
      continue;
    }
    out.push(j);
    left -= election.projects[j]!.cost;
  }
  return out;
}

/** Add1 the slow way: rerun at every increment. Returns the winners and the increment used. */
function naiveAdd1(
  election: TallyElection,
  stop: 'exhaustive' | 'overspend',
  rank: Int32Array,
): { winners: number[]; increments: number } {
  const voters = election.ballots.reduce((sum, b) => sum + (b.weight ?? 1), 0);
  const spent = (ws: number[]) => ws.reduce((sum, j) => sum + election.projects[j]!.cost, 0);
  const plainVoters = naiveVoters(election, 'cost', ZERO);
  const eligible = election.projects
    .map((p, j) => j)
    .filter((j) => election.projects[j]!.cost > 0 && supportOf(plainVoters, j) > 0n);
  const finished = (ws: number[]) =>
    eligible.every((j) => ws.includes(j)) ||
    (stop === 'exhaustive' &&
      eligible.every((j) => ws.includes(j) || spent(ws) + election.projects[j]!.cost > election.budget));
  const at = (k: number) =>
    naiveMes(
      election,
      'cost',
      Fraction.of(BigInt(election.budget) + BigInt(k * voters * election.unitsPerCurrency), BigInt(voters)),
      rank,
    );
  let previous = at(0);
  if (finished(previous)) {
    return { winners: previous, increments: 0 };
  }
  for (let k = 1; ; k++) {
    const next = at(k);
    if (spent(next) > election.budget) {
      return { winners: previous, increments: k - 1 };
    }
    if (finished(next)) {
      return { winners: next, increments: k };
    }
    previous = next;
  }
}

function naiveTally(rule: TallyRule, election: TallyElection, tieBreak: TieBreak): string[] {
  const rank = tieRanks(election.projects, tieBreak);
  const voters = election.ballots.reduce((sum, b) => sum + (b.weight ?? 1), 0);
  const share = Fraction.of(BigInt(election.budget), BigInt(Math.max(voters, 1)));
  const allFit = election.projects.reduce((sum, p) => sum + p.cost, 0) <= election.budget;
  let winners: number[];
  switch (rule) {
    case 'mes':
      winners = naiveMes(election, 'cost', share, rank);
      break;
    case 'mes-cardinality':
      winners = naiveMes(election, 'cardinality', share, rank);
      break;
    case 'mes-greedy':
      winners = naiveGreedyAfter(election, naiveMes(election, 'cost', share, rank), rank);
      break;
    case 'mes-add1':
      winners = naiveAdd1(election, 'exhaustive', rank).winners;
      break;
    case 'mes-add1-greedy':
      winners = naiveGreedyAfter(election, naiveAdd1(election, 'exhaustive', rank).winners, rank);
      break;
    case 'mes-equalshares':
      winners = allFit
        ? naiveMes(election, 'cost', share, rank)
        : naiveAdd1(election, 'overspend', rank).winners;
      break;
    case 'greedy':
    case 'greedy-no-skip':
    case 'greedy-threshold':
      throw new Error(`not an equal-shares rule: ${rule}`);
  }
  return winners.map((j) => election.projects[j]!.id);
}

/** Small deterministic PRNG (mulberry32) so failures can be replayed by seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomElection(seed: number): TallyElection {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const cumulative = next() < 0.3;
  const projectCount = 2 + pick(6);
  // Few distinct costs and ids that sort differently as strings and numbers, so exact ties happen.
  const projects = Array.from({ length: projectCount }, (_, i) => ({
    id: String([9, 10, 2, 11, 3, 1, 20][i]),
    cost: [10, 20, 30, 40, 60, 0][pick(next() < 0.05 ? 6 : 5)]!,
  }));
  const ballots = Array.from({ length: 1 + pick(9) }, () => {
    const chosen = projects.map((_, j) => j).filter(() => next() < 0.45);
    const weight = 1 + pick(3);
    return cumulative
      ? { projects: chosen, points: chosen.map(() => 1 + pick(3)), weight }
      : { projects: chosen, weight };
  });
  const total = projects.reduce((sum, p) => sum + p.cost, 0);
  return {
    budget: Math.max(1, Math.round(total * (0.3 + next() * 0.8))),
    unitsPerCurrency: 1,
    projects,
    ballots,
    ballotKind: cumulative ? 'cumulative' : 'approval',
  };
}

const MES_RULES: TallyRule[] = [
  'mes',
  'mes-cardinality',
  'mes-greedy',
  'mes-add1',
  'mes-add1-greedy',
  'mes-equalshares',
];

const reverseId: TieBreak = (a, b) => byProjectId(b, a);

/**
 * Every certificate the completion could rely on, checked against the truth: for each share a in
 * [0, last) and each stride, when the run at a + stride certifies a's sequence, every share in between must
 * buy exactly that sequence. Returns how many certificates were checked.
 */
function checkCertificates(profile: EqualSharesProfile, last: number, strides: number[]): number {
  const engine = new EqualSharesEngine(profile);
  const truth = Array.from({ length: last + Math.max(...strides) + 1 }, (_, k) =>
    engine.run(k).winners.join(),
  );
  const wrong: string[] = [];
  let certified = 0;
  for (let a = 0; a < last; a++) {
    const from = engine.run(a);
    for (const stride of strides) {
      // The completion asks a plain run first and a run that looked as far as a's ρ when that was unclear.
      for (const probe of [engine.run(a + stride), engine.run(a + stride, from.rhoApprox)]) {
        if (certifies(engine, from, probe) !== 'yes') {
          continue;
        }
        certified++;
        for (let k = a + 1; k < a + stride; k++) {
          if (truth[k] !== truth[a]) {
            wrong.push(`${a}..${a + stride} at ${k}`);
          }
        }
      }
    }
  }
  expect(wrong).toEqual([]);
  return certified;
}

describe('the fast Method of Equal Shares against the naive reference', () => {
  it('buys the same projects in the same order on 400 random small elections, for every MES rule', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const election = randomElection(seed);
      const tieBreak = seed % 2 === 0 ? byProjectId : reverseId;
      for (const rule of MES_RULES) {
        const fast = tally(rule, election, { tieBreak }).selected;
        expect({ seed, rule, selected: fast }).toEqual({
          seed,
          rule,
          selected: naiveTally(rule, election, tieBreak),
        });
      }
    }
  });

  it('makes the same choices when every double-proposed decision is re-checked in BigInt', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const election = randomElection(seed);
      const rank = tieRanks(election.projects, byProjectId);
      const profile = buildEqualSharesProfile(election, 'cost', rank);
      const fast = new EqualSharesEngine(profile);
      const paranoid = new EqualSharesEngine(profile, true);
      for (const k of [0, 1, 5, 17]) {
        expect(fast.run(k).winners).toEqual(paranoid.run(k).winners);
      }
    }
  });

  it('never certifies a stretch of shares whose outcome changes inside, on random elections', () => {
    let certified = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const election = randomElection(seed);
      const profile = buildEqualSharesProfile(election, 'cost', tieRanks(election.projects, byProjectId));
      certified += checkCertificates(profile, 40, [2, 3, 5, 9, 17]);
    }
    expect(certified).toBeGreaterThan(1000);
  });

  describe.each([
    'Netherlands_Assen_2024',
    'Poland_Czestochowa_2024_Gnaszyn_-_Kawodrza',
    'Poland_Warszawa_2019_Zacisze',
    'Netherlands_Amsterdam_179',
    'Poland_Swiecie_2023',
  ])('on %s', (name) => {
    const pb = parsePbFile(path.join(pabulibDir(), `${name}.pb`));
    const election = pb.election;
    const rank = tieRanks(election.projects, byProjectId);
    const profile = buildEqualSharesProfile(election, 'cost', rank);
    const voters = profile.voters;
    const shareAt = (k: number) =>
      Fraction.of(BigInt(election.budget) + BigInt(k * voters * election.unitsPerCurrency), BigInt(voters));

    it('buys what the naive MES buys at the plain share and at the shares Add1 ends on', () => {
      const engine = new EqualSharesEngine(profile);
      const add1 = tally('mes-add1', election).equalShares!.increments;
      const last = tally('mes-equalshares', election).equalShares!.increments;
      for (const k of new Set([0, add1, last, last + 1])) {
        const expected = naiveMes(election, 'cost', shareAt(k), rank);
        expect({ k, winners: engine.run(k).winners }).toEqual({ k, winners: expected });
      }
      expect(tally('mes-cardinality', election).selected).toEqual(
        naiveTally('mes-cardinality', election, byProjectId),
      );
    });

    it('ends Add1 where stepping one unit at a time ends it', () => {
      const engine = new EqualSharesEngine(profile);
      const spent = (ws: readonly number[]) => ws.reduce((sum, j) => sum + election.projects[j]!.cost, 0);
      const eligible = [...profile.eligible.keys()].filter((j) => profile.eligible[j]);
      const stepped = (stop: 'exhaustive' | 'overspend') => {
        let previous = engine.run(0).winners;
        for (let k = 0; ; k++) {
          const current = k === 0 ? previous : engine.run(k).winners;
          if (spent(current) > election.budget) {
            return k - 1;
          }
          const all = eligible.every((j) => current.includes(j));
          const exhaustive = eligible.every(
            (j) => current.includes(j) || spent(current) + profile.cost[j]! > election.budget,
          );
          if (all || (stop === 'exhaustive' && exhaustive)) {
            return k;
          }
          previous = current;
        }
      };
      expect(tally('mes-add1', election).equalShares!.increments).toBe(stepped('exhaustive'));
      expect(tally('mes-equalshares', election).equalShares!.increments).toBe(stepped('overspend'));
    });

    it('never certifies a stretch of shares whose outcome changes inside', () => {
      expect(checkCertificates(profile, 120, [2, 3, 5, 9, 17, 33])).toBeGreaterThan(100);
    });
  });
});
