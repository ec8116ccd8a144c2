import { tally } from './tally.rules';
import { TallyInputError, type TallyElection } from './tally-election.model';

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

const repeat = <T>(times: number, ballot: T): T[] => Array.from({ length: times }, () => ballot);

// P1 has 5 votes, P2 4 and P3 3; P1 and P2 together cost 110 out of 100.
const city = electionOf(100, { P1: 60, P2: 50, P3: 40 }, [
  ...repeat(3, ['P1', 'P2', 'P3']),
  ['P1', 'P2'],
  ['P1'],
]);

describe('greedy', () => {
  it('funds projects by votes and skips one that no longer fits, funding the next that does', () => {
    const result = tally('greedy', city);
    expect(result.selected).toEqual(['P1', 'P3']);
    expect(result.budgetUsed).toBe(100);
    expect(result.projects.map((p) => [p.id, p.votes, p.status, p.round])).toEqual([
      ['P1', 5, 'selected', 1],
      ['P2', 4, 'did-not-fit', undefined],
      ['P3', 3, 'selected', 2],
    ]);
  });

  it('stops at the first project that does not fit under greedy-no-skip (Wrocław)', () => {
    const result = tally('greedy-no-skip', city);
    expect(result.selected).toEqual(['P1']);
    expect(result.projects.map((p) => p.status)).toEqual(['selected', 'did-not-fit', 'did-not-fit']);
  });

  it('leaves out projects below the minimum under greedy-threshold, even when they would fit', () => {
    const result = tally('greedy-threshold', city, { minScore: 4 });
    expect(result.selected).toEqual(['P1']);
    expect(result.projects.map((p) => p.status)).toEqual(['selected', 'did-not-fit', 'below-threshold']);
    expect(tally('greedy-threshold', city, { minScore: 3 }).selected).toEqual(['P1', 'P3']);
  });

  it('refuses greedy-threshold without a minimum', () => {
    expect(() => tally('greedy-threshold', city)).toThrow(TallyInputError);
  });

  it('breaks a tie in votes by project id compared as strings, so "10" comes before "9"', () => {
    const tied = electionOf(50, { '9': 50, '10': 50 }, [['9'], ['10']]);
    expect(tally('greedy', tied).selected).toEqual(['10']);
  });

  it('breaks ties with the comparator the caller passes', () => {
    const tied = electionOf(50, { '9': 50, '10': 50 }, [['9'], ['10']]);
    const numeric = { tieBreak: (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id) };
    expect(tally('greedy', tied, numeric).selected).toEqual(['9']);
  });

  it('orders cumulative ballots by points given, not by how many voters gave them', () => {
    const points = electionOf(50, { many: 50, few: 50 }, [{ many: 1 }, { many: 1 }, { many: 1 }, { few: 5 }]);
    const result = tally('greedy', points);
    expect(result.selected).toEqual(['few']);
    expect(result.projects.map((p) => [p.id, p.votes, p.score])).toEqual([
      ['many', 3, 3],
      ['few', 1, 5],
    ]);
  });

  it('counts empty ballots as voters and funds a project nobody voted for last, if it fits', () => {
    const result = tally('greedy', electionOf(100, { liked: 60, ignored: 30 }, [['liked'], []]));
    expect(result.voters).toBe(2);
    expect(result.selected).toEqual(['liked', 'ignored']);
  });

  it('rejects costs that are not whole money units', () => {
    expect(() => tally('greedy', electionOf(100, { half: 0.5 }, [['half']]))).toThrow(TallyInputError);
  });

  it('rejects a ballot naming the same project twice', () => {
    const twice: TallyElection = { ...city, ballots: [{ projects: [0, 0] }] };
    expect(() => tally('greedy', twice)).toThrow(TallyInputError);
  });
});
