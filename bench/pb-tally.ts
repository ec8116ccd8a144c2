import { readFileSync } from 'node:fs';
import * as path from 'node:path';
// The domain and parser directly, not tally.public: that also exports the Nest command (legacy decorators).
import { tally, TALLY_RULES, type TallyRule } from '../libs/budgeting/src/domain/tally.rules';
import { voterCount } from '../libs/budgeting/src/domain/tally-election.model';
import { pbMinProjectScore } from '../libs/budgeting/src/pabulib/pb-election.model';
import { parsePb } from '../libs/budgeting/src/pabulib/pb-file.parser';
import { pabulibDir, pabulibFiles } from '../libs/budgeting/src/pabulib/pb-file.reader';

/**
 * Times parsing and every rule on each file of the Pabulib sample folder (`$PABULIB_DIR` or
 * `shared/pabulib` beside the repository) and prints one row per file. Reading the file from disk is not
 * timed; each rule is timed once, on the already parsed election. Pass file name fragments to bench a subset.
 */

function millis(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function main(): void {
  const filters = process.argv.slice(2);
  const files = pabulibFiles().filter(
    (file) => filters.length === 0 || filters.some((f) => file.includes(f)),
  );
  const header = ['file', 'voters', 'projects', 'parse ms', ...TALLY_RULES.map((rule) => `${rule} ms`)];
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const parseStart = process.hrtime.bigint();
    const pb = parsePb(text);
    const parseMs = millis(parseStart);
    const minScore = pbMinProjectScore(pb) ?? 0;
    const cells = [
      path.basename(file, '.pb'),
      String(voterCount(pb.election)),
      String(pb.election.projects.length),
    ];
    cells.push(parseMs.toFixed(1));
    for (const rule of TALLY_RULES as readonly TallyRule[]) {
      const start = process.hrtime.bigint();
      const result = tally(rule, pb.election, { minScore });
      cells.push(millis(start).toFixed(1));
      if (result.equalShares && result.equalShares.runs > 1) {
        notes.push(
          `${path.basename(file, '.pb')} ${rule}: +${result.equalShares.increments} per voter, ` +
            `${result.equalShares.runs} MES runs`,
        );
      }
    }
    rows.push(cells);
    process.stderr.write(`${cells.join(' | ')}\n`);
  }
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  process.stdout.write(`Pabulib folder: ${pabulibDir()}\n\n`);
  process.stdout.write(
    `${line(header)}\n|${widths.map((w, i) => (i === 0 ? ':' : '-').padEnd(w + 1, '-') + (i === 0 ? '-' : ':')).join('|')}|\n`,
  );
  for (const r of rows) {
    process.stdout.write(`${line(r)}\n`);
  }
  if (notes.length > 0) {
    process.stdout.write(`\nAdd1 completions:\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
  }
}

main();
