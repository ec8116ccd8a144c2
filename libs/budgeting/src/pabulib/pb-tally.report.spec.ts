import * as path from 'node:path';
import { parsePb } from './pb-file.parser';
import { pabulibDir, parsePbFile } from './pb-file.reader';
import { PbTallyRuleMissing, pbTallyReport } from './pb-tally.report';

describe('the pb:tally report', () => {
  it('tallies with the META rule and says whether it matches the official selection', () => {
    const report = pbTallyReport(parsePbFile(path.join(pabulibDir(), 'Netherlands_Assen_2024.pb')));
    expect(report).toEqual(
      expect.objectContaining({
        rule: 'mes-equalshares',
        budget: 100000,
        budget_used: 76700,
        voters: 84,
        matches_official: true,
        add1: expect.objectContaining({ increments: 843 }),
      }),
    );
    expect(report.projects.find((p) => p.id === '8')).toEqual({
      id: '8',
      cost: 40000,
      votes: 25,
      score: 25,
      status: 'not-enough-support',
    });
  });

  it('prints money in the currency of the file, decimals included', () => {
    const pb = parsePb(
      [
        'META',
        'key;value',
        'budget;100,50',
        'PROJECTS',
        'project_id;cost',
        'a;60,25',
        'b;40,30',
        'VOTES',
        'voter_id;vote',
        '1;a,b',
      ].join('\n'),
    );
    // 60.25 + 40.30 = 100.55 does not fit in 100.50: the tie in votes goes to "a".
    const report = pbTallyReport(pb, 'greedy');
    expect([report.budget, report.budget_used, report.projects.map((p) => p.cost)]).toEqual([
      100.5,
      60.25,
      [60.25, 40.3],
    ]);
    expect(report.selected).toEqual(['a']);
  });

  it("uses a given rule and threshold over the file's", () => {
    const pb = parsePbFile(path.join(pabulibDir(), 'Poland_Lodz_2022.pb'));
    expect(pbTallyReport(pb, 'greedy-threshold', 5000).min_score).toBe(5000);
    expect(pbTallyReport(pb, 'greedy-threshold').min_score).toBe(100);
  });

  it('asks for a rule when META names one we do not implement', () => {
    const pb = parsePbFile(path.join(pabulibDir(), 'Hungary_Budapest_2024.pb'));
    expect(() => pbTallyReport(pb)).toThrow(PbTallyRuleMissing);
    expect(pbTallyReport(pb, 'greedy').selected.length).toBeGreaterThan(0);
  });
});
