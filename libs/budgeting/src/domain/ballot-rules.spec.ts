import { ballotProblem, type BallotRules } from './ballot-rules';

const costs = new Map([
  ['road', 60_000],
  ['school', 30_000],
  ['well', 20_000],
]);

describe('ballot rules', () => {
  it('refuses a knapsack ballot whose projects cost more than the district budget', () => {
    const rules: BallotRules = { type: 'knapsack', budget: 80_000 };
    expect(ballotProblem(rules, costs, [{ projectId: 'road' }, { projectId: 'school' }])).toEqual({
      code: 'over-budget',
      budget: 80_000,
      total: 90_000,
    });
    expect(ballotProblem(rules, costs, [{ projectId: 'road' }, { projectId: 'well' }])).toBeNull();
  });

  it('refuses a k-approval ballot choosing more than k projects', () => {
    const rules: BallotRules = { type: 'k-approval', k: 2, budget: 1 };
    const all = [...costs.keys()].map((projectId) => ({ projectId }));
    expect(ballotProblem(rules, costs, all)).toEqual({ code: 'over-k', k: 2, chosen: 3 });
    expect(ballotProblem(rules, costs, all.slice(0, 2))).toBeNull();
  });

  it('refuses cumulative points that do not add up to the points each voter has', () => {
    const rules: BallotRules = { type: 'cumulative', points: 10, budget: 1 };
    expect(
      ballotProblem(rules, costs, [
        { projectId: 'road', points: 4 },
        { projectId: 'well', points: 5 },
      ]),
    ).toEqual({ code: 'points-not-summing', expected: 10, given: 9 });
    expect(
      ballotProblem(rules, costs, [
        { projectId: 'road', points: 4 },
        { projectId: 'well', points: 6 },
      ]),
    ).toBeNull();
  });

  it('refuses a project that is not on the district list (another district, or not shortlisted)', () => {
    const rules: BallotRules = { type: 'approval', budget: 1 };
    expect(ballotProblem(rules, costs, [{ projectId: 'bridge-in-another-village' }])).toEqual({
      code: 'unknown-project',
      projectId: 'bridge-in-another-village',
    });
  });

  it('accepts an empty approval ballot, which still counts as a voter', () => {
    expect(ballotProblem({ type: 'approval', budget: 1 }, costs, [])).toBeNull();
  });
});
