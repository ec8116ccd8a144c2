import { tally } from './tally.rules';
import type { TallyElection } from './tally-election.model';

/** Projects as `{ id: cost }`, ballots as lists of ids (approval) or `{ id: points }` (cumulative). */
function electionOf(
  budget: number,
  costs: Record<string, number>,
  ballots: (string[] | Record<string, number>)[],
): TallyElection {
  const ids = Object.keys(costs);
  const cumulative = ballots.some((ballot) => !Array.isArray(ballot));
  return {
    budget,
    unitsPerCurrency: 1,
    projects: ids.map((id) => ({ id, cost: costs[id]! })),
    ballots: ballots.map((ballot) =>
      Array.isArray(ballot)
        ? { projects: ballot.map((id) => ids.indexOf(id)) }
        : { projects: Object.keys(ballot).map((id) => ids.indexOf(id)), points: Object.values(ballot) },
    ),
    ballotKind: cumulative ? 'cumulative' : 'approval',
  };
}

const statuses = (election: TallyElection, rule: Parameters<typeof tally>[0]) =>
  Object.fromEntries(tally(rule, election).projects.map((p) => [p.id, p.status]));

// 4 voters, 100 to spend: 25 each. A (60) is wanted by three of them, B (30) by one, C (40) by two.
const town = electionOf(100, { A: 60, B: 30, C: 40 }, [['A'], ['A'], ['A', 'C'], ['B', 'C']]);

describe('Method of Equal Shares', () => {
  it('buys a project when its supporters can pay for it from their equal shares', () => {
    // A: 20 from each of its three supporters. B: its one supporter has 25 < 30. C, after A: 5 + 25 < 40.
    const result = tally('mes', town);
    expect(result.selected).toEqual(['A']);
    expect(result.budgetUsed).toBe(60);
    expect(statuses(town, 'mes')).toEqual({
      A: 'selected',
      B: 'not-enough-support',
      C: 'not-enough-support',
    });
  });

  it('completes with greedy by votes on what MES left (mes-greedy)', () => {
    expect(tally('mes-greedy', town).selected).toEqual(['A', 'C']);
    expect(statuses(town, 'mes-greedy')).toEqual({ A: 'selected', B: 'did-not-fit', C: 'selected' });
  });

  it('counts an empty ballot in the share: 100 over 2 voters leaves the only supporter 50 for a 60 project', () => {
    const withEmpty = electionOf(100, { A: 60 }, [['A'], []]);
    expect(tally('mes', withEmpty).selected).toEqual([]);
    expect(tally('mes', electionOf(100, { A: 60 }, [['A']])).selected).toEqual(['A']);
  });

  it('raises every share by one unit at a time under mes-add1 until the outcome is exhaustive', () => {
    // Shares of 50 + 10 let the supporter pay 60; nothing else is left to buy.
    const result = tally('mes-add1', electionOf(100, { A: 60 }, [['A'], []]));
    expect(result.selected).toEqual(['A']);
    expect(result.equalShares).toEqual(expect.objectContaining({ increments: 10 }));
  });

  it('breaks an exact tie in ρ by project id compared as strings', () => {
    // Both cost 30 and are wanted by the same three of six voters with 10 each: ρ = 1/3 for both.
    const tied = electionOf(60, { '9': 30, '10': 30 }, [...Array(3).fill(['9', '10']), [], [], []]);
    expect(tally('mes', tied).selected).toEqual(['10']);
    const numeric = { tieBreak: (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id) };
    expect(tally('mes', tied, numeric).selected).toEqual(['9']);
  });

  it('weighs projects by cost under cost utilities and by count under mes-cardinality', () => {
    // P1 (80) is wanted by all four, P2 (20) by two; 25 each.
    const election = electionOf(100, { P1: 80, P2: 20 }, [['P1', 'P2'], ['P1', 'P2'], ['P1'], ['P1']]);
    // Cost: ρ(P1) = 20/80 beats ρ(P2) = 10/20; then P2's supporters have 5 + 5 left.
    expect(tally('mes', election).selected).toEqual(['P1']);
    // Cardinality: P2 costs 10 per head against P1's 20; then P1 splits as 15 + 15 + 25 + 25.
    expect(tally('mes-cardinality', election).selected).toEqual(['P2', 'P1']);
  });

  it('takes the points of cumulative ballots as the utilities', () => {
    // 15 each. X (12) gets 9 points from v1; Y (20) gets 1 point from each voter.
    const points = electionOf(30, { X: 12, Y: 20 }, [{ X: 9, Y: 1 }, { Y: 1 }]);
    // ρ(X) = 12/9 beats ρ(Y) = 20/2; then Y's supporters have 3 + 15 < 20.
    expect(tally('mes', points).selected).toEqual(['X']);
    // Read as approval with cost utilities, Y (10 per head of 20) would go first and X would be out of reach.
    const approval = electionOf(30, { X: 12, Y: 20 }, [['X', 'Y'], ['Y']]);
    expect(tally('mes', approval).selected).toEqual(['Y']);
  });

  it('leaves a free project to the completion under cost utilities, where it is worth nothing (pabutools)', () => {
    const election = electionOf(10, { free: 0, unwanted: 5, wanted: 10 }, [['free', 'wanted']]);
    expect(statuses(election, 'mes')).toEqual({
      free: 'not-enough-support',
      unwanted: 'not-enough-support',
      wanted: 'selected',
    });
    expect(tally('mes-greedy', election).selected).toEqual(['wanted', 'free']);
    // Counting approvals, it is worth 1 and costs nothing: bought before any round.
    expect(tally('mes-cardinality', election).selected).toEqual(['free', 'wanted']);
  });

  it('stops mes-add1 at the first exhaustive outcome but runs mes-equalshares to the last one that fits', () => {
    // Three voters (one ballot empty), 50 to spend. A (50) is wanted by two, C (20) by one of them.
    const election = electionOf(50, { A: 50, B: 50, C: 20 }, [['A'], ['A', 'C'], []]);
    // Plain shares of 16.67 buy nothing.
    expect(tally('mes', election).selected).toEqual([]);
    // +4: 20.67 each lets C's supporter pay 20 while A still needs 50 > 41.33; then nothing else fits.
    const add1 = tally('mes-add1', election);
    expect([add1.selected, add1.equalShares?.increments]).toEqual([['C'], 4]);
    // From +9 (25.67 each) A's 25 per head beats C's ρ; from +29 C comes back on top of A and overspends.
    const equalShares = tally('mes-equalshares', election);
    expect([equalShares.selected, equalShares.equalShares?.increments]).toEqual([['A'], 28]);
  });

  it('completes mes-add1 with greedy by votes when the next share would overspend (mes-add1-greedy)', () => {
    // Two voters, 30 to spend: v1 wants A (20) and B (10), v2 wants C (20).
    const election = electionOf(30, { A: 20, B: 10, C: 20 }, [['A', 'B'], ['C']]);
    // Shares of 15 to 19 buy only B (A and C need 20 from a single voter), and A would still fit.
    // At 20 each A, B and C tie at ρ = 1: A, then C, 40 in all, so Add1 keeps the outcome of +4.
    const add1 = tally('mes-add1', election);
    expect([add1.selected, add1.equalShares?.increments]).toEqual([['B'], 4]);
    // Greedy then takes the 20 left: A, B and C have one vote each, A comes first by id and fits.
    expect(tally('mes-add1-greedy', election).selected).toEqual(['B', 'A']);
    expect(statuses(election, 'mes-add1-greedy')).toEqual({ A: 'selected', B: 'selected', C: 'did-not-fit' });
  });

  it('keeps plain MES under mes-equalshares when every project fits, as equalshares.net does', () => {
    const election = electionOf(100, { A: 60, B: 20 }, [['A'], ['B']]);
    // 50 each: A's only supporter cannot pay 60.
    expect(tally('mes-equalshares', election).selected).toEqual(['B']);
    expect(tally('mes-add1', election).selected).toEqual(['A', 'B']);
  });
});
