import { tally } from '../domain/tally.rules';
import { PbParseError, pbMinProjectScore, pbOfficialSelection, pbRule } from './pb-election.model';
import { parsePb, parsePbDecimal } from './pb-file.parser';

const lines = (...rows: string[]) => rows.join('\n');

const sample = lines(
  'META',
  'key;value',
  'description;"Budget; with a semicolon"',
  'num_projects;3',
  'budget;1 000,50',
  'vote_type;approval',
  'rule;greedy-threshold',
  'min_project_score_threshold;2',
  'PROJECTS',
  'project_id;cost;votes;name;selected',
  'L010;500,25;3;"Park ""Zielony""; etap 2";1',
  'L011;400;1;Plain name;0',
  'L012;100.5;0;"Two',
  'lines";0',
  'VOTES',
  'voter_id;vote',
  'v1;L010,L011',
  'v2; L010 ',
  'v3;',
  'v4;L010,L011',
);

describe('parsing a .pb file', () => {
  it('reads quoted cells holding ";", doubled quotes and line breaks', () => {
    const pb = parsePb(sample);
    expect(pb.meta['description']).toBe('Budget; with a semicolon');
    expect(pb.projects.rows.map((row) => row[3])).toEqual([
      'Park "Zielony"; etap 2',
      'Plain name',
      'Two\nlines',
    ]);
  });

  it('scales money to one integer unit for all amounts, decimal commas and grouped digits included', () => {
    const { election } = parsePb(sample);
    expect(election.unitsPerCurrency).toBe(100);
    expect(election.budget).toBe(100050);
    expect(election.projects.map((p) => [p.id, p.cost])).toEqual([
      ['L010', 50025],
      ['L011', 40000],
      ['L012', 10050],
    ]);
  });

  it('counts every VOTES row as a voter, merges identical ballots and keeps empty ones', () => {
    const { election } = parsePb(sample);
    expect(election.ballots).toEqual([
      { projects: [0, 1], weight: 2 },
      { projects: [0], weight: 1 },
      { projects: [], weight: 1 },
    ]);
    expect(tally('greedy', election).voters).toBe(4);
  });

  it('gives the same election for CRLF line ends and a byte-order mark', () => {
    const crlf = parsePb(`\ufeff${sample.replaceAll('\n', '\r\n')}`);
    expect(crlf.election).toEqual(parsePb(sample).election);
    expect(crlf.meta).toEqual(parsePb(sample).meta);
    // A line break inside a quoted cell is kept as written.
    expect(crlf.projects.rows.map((row) => row[3])).toEqual([
      'Park "Zielony"; etap 2',
      'Plain name',
      'Two\r\nlines',
    ]);
  });

  it('reads the META rule, threshold and the official selection', () => {
    const pb = parsePb(sample);
    expect(pbRule(pb)).toBe('greedy-threshold');
    expect(pbMinProjectScore(pb)).toBe(2);
    expect(pbOfficialSelection(pb)).toEqual(['L010']);
  });

  it('reads cumulative ballots with their points, adding up points given twice to one project', () => {
    const pb = parsePb(
      lines(
        'META',
        'key;value',
        'budget;10',
        'vote_type;cumulative',
        'PROJECTS',
        'project_id;cost',
        'M/1/XI;5',
        'M/2/XI;5',
        'VOTES',
        'voter_id;vote;points',
        '1;M/2/XI,M/1/XI;1,2',
        '2;M/1/XI,M/1/XI;1,2',
      ),
    );
    expect(pb.election.ballotKind).toBe('cumulative');
    expect(pb.election.ballots).toEqual([
      { projects: [0, 1], points: [2, 1], weight: 1 },
      { projects: [0], points: [3], weight: 1 },
    ]);
  });

  it.each([
    ['1234', 1234n, 0],
    ['1234,5', 12345n, 1],
    ['1234.50', 12345n, 1],
    ['1 234 567,89', 123456789n, 2],
    ['1.234.567,89', 123456789n, 2],
    ['1,234,567.89', 123456789n, 2],
    ['2.000.000', 2000000n, 0],
  ])('reads the amount "%s"', (text, digits, decimals) => {
    expect(parsePbDecimal(text)).toEqual({ digits, decimals });
  });

  it('rejects a ballot naming a project that is not in PROJECTS, saying which row', () => {
    const bad = sample.replace('v2; L010 ', 'v2;L999');
    expect(() => parsePb(bad)).toThrow(new PbParseError('VOTES row 2 names unknown project L999'));
  });

  it('rejects a file without a budget and amounts that are not numbers', () => {
    expect(() => parsePb(sample.replace('budget;1 000,50', 'budgetx;1'))).toThrow(PbParseError);
    expect(() => parsePb(sample.replace('L011;400;', 'L011;lots;'))).toThrow(PbParseError);
  });
});
