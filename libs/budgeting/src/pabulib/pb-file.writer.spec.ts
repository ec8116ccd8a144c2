import { basename } from 'node:path';
import type { PbElection } from './pb-election.model';
import { parsePb } from './pb-file.parser';
import { pabulibFiles, parsePbFile } from './pb-file.reader';
import { writePb } from './pb-file.writer';

const sample = [
  'META',
  'key;value',
  'description;"Budget; with a semicolon"',
  'budget;1000,5',
  'vote_type;cumulative',
  'PROJECTS',
  'project_id;cost;name',
  'A;500,25;"Park ""Zielony""; etap 2"',
  'B;400;"Two',
  'lines"',
  'VOTES',
  'voter_id;vote;points;district',
  'v1;A,B;2,1;"North; East"',
  'v2;;;',
  'v3;A,B;2,1;South',
].join('\r\n');

/** Everything a round trip must keep: the three sections cell by cell, and the election they describe. */
function sameElection(again: PbElection, first: PbElection): void {
  expect(again.meta).toEqual(first.meta);
  expect(again.projects.columns).toEqual(first.projects.columns);
  expect(again.projects.rows).toEqual(first.projects.rows);
  expect(again.votes.columns).toEqual(first.votes.columns);
  // Large sections compare as text: jest's deep equality is slow on 100,000 rows.
  expect(JSON.stringify(again.votes.rows)).toBe(JSON.stringify(first.votes.rows));
  expect(JSON.stringify(again.election)).toBe(JSON.stringify(first.election));
}

describe('writing a .pb file', () => {
  it('gives back the same election when parsed again, quotes and decimal commas included', () => {
    const first = parsePb(sample);
    const text = writePb(first);
    expect(text).toContain('A;500,25;"Park ""Zielony""; etap 2"');
    sameElection(parsePb(text), first);
  });

  it.each(pabulibFiles().map((file) => [basename(file), file]))('round-trips %s', (_, file) => {
    const first = parsePbFile(file!);
    sameElection(parsePb(writePb(first)), first);
  });
});
