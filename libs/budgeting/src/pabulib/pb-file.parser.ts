import { BallotGrouper } from '../domain/ballot.grouper';
import type { BallotKind, TallyProject } from '../domain/tally-election.model';
import { assertValidElection, TallyInputError } from '../domain/tally-election.model';
import { pbColumn, PbParseError, PbTable, type PbElection } from './pb-election.model';

type Section = 'meta' | 'projects' | 'votes';

/**
 * Splits `.pb` text into records: `;` separates cells, a cell starting with `"` is quoted (`""` is a literal
 * quote, and it may hold `;` or line breaks), CRLF/LF/CR all end a record, a leading BOM is dropped. A record
 * without any quote is returned as its raw line (split it on `;`); others come already split into cells. This
 * keeps a 130,000-ballot VOTES section from allocating half a million cell strings nobody reads.
 */
function splitPbLines(text: string): (string | string[])[] {
  const records: (string | string[])[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const length = text.length;
  // Next CR and next quote at or after `at`, searched again only once passed (a search per line would
  // rescan the rest of the text every time and make this quadratic).
  let cr = -1;
  let quote = -1;
  while (at < length) {
    let end = text.indexOf('\n', at);
    if (end < 0) {
      end = length;
    }
    let next = end + 1;
    if (cr < at) {
      cr = text.indexOf('\r', at) >>> 0;
    }
    if (quote < at) {
      quote = text.indexOf('"', at) >>> 0;
    }
    if (cr < end) {
      // CRLF, or a lone CR ending the record early.
      next = cr + 1 === end ? end + 1 : cr + 1;
      end = cr;
    }
    if (quote < end) {
      const [cells, after] = readQuotedRecord(text, at);
      records.push(cells);
      at = after;
      continue;
    }
    records.push(text.slice(at, end));
    at = next;
  }
  return records;
}

function readQuotedRecord(text: string, start: number): [string[], number] {
  const cells: string[] = [];
  let cell = '';
  let at = start;
  let quoted = false;
  let fieldStart = true;
  for (; at < text.length; at++) {
    const ch = text[at]!;
    if (quoted) {
      if (ch !== '"') {
        cell += ch;
      } else if (text[at + 1] === '"') {
        cell += '"';
        at++;
      } else {
        quoted = false;
      }
    } else if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (ch === ';') {
      cells.push(cell);
      cell = '';
      fieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      break;
    } else {
      cell += ch;
      fieldStart = false;
    }
  }
  if (quoted) {
    throw new PbParseError('a quoted cell is never closed');
  }
  cells.push(cell);
  if (text[at] === '\r' && text[at + 1] === '\n') {
    at++;
  }
  return [cells, at + 1];
}

/**
 * A number as Pabulib files write them: `1234`, `1234.5`, `1234,5` (decimal comma), `1 234,50` or
 * `1.234,50` (grouped). With both `.` and `,` the last one is the decimal mark; a mark that repeats groups.
 * Returns the digits and how many of them are decimals, so money stays exact.
 */
export function parsePbDecimal(raw: string): { digits: bigint; decimals: number } {
  let text = raw.trim().replace(/[\s\u00a0\u202f_']/g, '');
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let mark: string | undefined;
  if (lastDot >= 0 && lastComma >= 0) {
    mark = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0) {
    mark = text.indexOf('.') === lastDot ? '.' : undefined;
  } else if (lastComma >= 0) {
    mark = text.indexOf(',') === lastComma ? ',' : undefined;
  }
  const grouping = mark === '.' ? ',' : mark === ',' ? '.' : lastDot >= 0 ? '.' : ',';
  text = text.split(grouping).join('');
  const [whole = '', fraction = ''] = mark ? text.split(mark) : [text];
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) {
    throw new PbParseError(`not a number: "${raw}"`);
  }
  const trimmed = fraction.replace(/0+$/, '');
  return { digits: BigInt(whole + trimmed), decimals: trimmed.length };
}

function sectionOf(record: string | string[]): Section | undefined {
  if (typeof record === 'string' && record.length > 12) {
    return undefined;
  }
  const cells = typeof record === 'string' ? record.split(';') : record;
  if (cells.length > 2 || (cells.length === 2 && cells[1]!.trim() !== '')) {
    return undefined;
  }
  const name = cells[0]!.trim().toLowerCase();
  return name === 'meta' || name === 'projects' || name === 'votes' ? name : undefined;
}

const cellsOf = (record: string | string[]): string[] =>
  typeof record === 'string' ? record.split(';') : record;

/** Parses the text of a Pabulib `.pb` file. Identical ballots come out merged into one weighted ballot. */
export function parsePb(text: string): PbElection {
  const meta: Record<string, string> = {};
  const columns: Record<Section, string[]> = { meta: [], projects: [], votes: [] };
  const projectRows: string[][] = [];
  const voteRecords: (string | string[])[] = [];
  let section: Section | undefined;
  let expectHeader = false;
  for (const record of splitPbLines(text)) {
    const blank =
      typeof record === 'string'
        ? record.length === 0 || (record.charCodeAt(0) <= 32 && record.trim() === '')
        : record.length === 1 && record[0]!.trim() === '';
    if (blank) {
      continue;
    }
    const next = sectionOf(record);
    if (next) {
      section = next;
      expectHeader = true;
      continue;
    }
    if (!section) {
      throw new PbParseError('content before the META section');
    }
    if (expectHeader) {
      expectHeader = false;
      columns[section] = cellsOf(record).map((name) => name.trim());
    } else if (section === 'meta') {
      const cells = cellsOf(record);
      // An unquoted `;` inside a value would split it; put it back together.
      meta[cells[0]!.trim()] = cells.slice(1).join(';');
    } else if (section === 'projects') {
      projectRows.push(cellsOf(record));
    } else {
      voteRecords.push(record);
    }
  }
  const projects = new PbTable(columns.projects, projectRows);
  const votes = new PbTable(columns.votes, voteRecords);
  return { meta, projects, votes, election: toElection(meta, projects, votes, voteRecords) };
}

function toElection(
  meta: Record<string, string>,
  projects: PbTable,
  votes: PbTable,
  voteRecords: readonly (string | string[])[],
): PbElection['election'] {
  const idColumn = pbColumn(projects, 'project_id');
  const costColumn = pbColumn(projects, 'cost');
  if (idColumn === undefined || costColumn === undefined) {
    throw new PbParseError('PROJECTS needs project_id and cost columns');
  }
  const budgetText = meta['budget'];
  if (budgetText === undefined) {
    throw new PbParseError('META has no budget');
  }
  const budget = parsePbDecimal(budgetText);
  const costs = projects.rows.map((row, i) => {
    const cell = row[costColumn];
    if (cell === undefined) {
      throw new PbParseError(`PROJECTS row ${i + 1} has no cost`);
    }
    return parsePbDecimal(cell);
  });
  // One scale for all money: enough decimals for the most precise amount.
  const decimals = Math.max(budget.decimals, ...costs.map((c) => c.decimals));
  const scaled = (value: { digits: bigint; decimals: number }): number => {
    const units = value.digits * 10n ** BigInt(decimals - value.decimals);
    if (units > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new PbParseError('an amount is too large');
    }
    return Number(units);
  };
  const tallyProjects: TallyProject[] = projects.rows.map((row, i) => ({
    id: row[idColumn]!.trim(),
    cost: scaled(costs[i]!),
  }));
  const voteType = meta['vote_type']?.trim().toLowerCase();
  const pointsColumn = pbColumn(votes, 'points');
  const ballotKind: BallotKind =
    voteType === 'cumulative' ||
    voteType === 'scoring' ||
    (voteType === undefined && pointsColumn !== undefined)
      ? 'cumulative'
      : 'approval';
  if (ballotKind === 'cumulative' && pointsColumn === undefined) {
    throw new PbParseError(`vote_type ${voteType} needs a points column in VOTES`);
  }
  const voteColumn = pbColumn(votes, 'vote');
  if (voteColumn === undefined && voteRecords.length > 0) {
    throw new PbParseError('VOTES needs a vote column');
  }
  const reader = new BallotReader(tallyProjects, ballotKind === 'cumulative');
  voteRecords.forEach((record, row) => reader.read(record, row, voteColumn!, pointsColumn));
  const election = {
    budget: scaled(budget),
    unitsPerCurrency: 10 ** decimals,
    projects: tallyProjects,
    ballots: reader.grouper.ballots(),
    ballotKind,
  };
  try {
    assertValidElection(election);
  } catch (error) {
    if (error instanceof TallyInputError) {
      throw new PbParseError(error.message);
    }
    throw error;
  }
  return election;
}

/** Where cell `column` of a raw `;`-separated line starts (its end is the next `;` or the line's end). */
function cellStart(line: string, column: number): number {
  let start = 0;
  for (let c = 0; c < column; c++) {
    const semi = line.indexOf(';', start);
    if (semi < 0) {
      return -1;
    }
    start = semi + 1;
  }
  return start;
}

function cellEnd(line: string, start: number): number {
  const end = line.indexOf(';', start);
  return end < 0 ? line.length : end;
}

/**
 * Turns VOTES rows into grouped ballots without cutting the `vote` cell into id strings: ids are looked up
 * in an open-addressing table keyed by a hash of their characters.
 */
class BallotReader {
  readonly grouper = new BallotGrouper();
  private readonly table: Int32Array;
  private readonly seen: Int32Array;
  private projects = new Int32Array(64);
  private points = new Int32Array(64);
  private ballot = 0;

  constructor(
    private readonly ids: readonly TallyProject[],
    private readonly cumulative: boolean,
  ) {
    let size = 16;
    while (size < ids.length * 4) {
      size *= 2;
    }
    this.table = new Int32Array(size);
    this.seen = new Int32Array(ids.length);
    ids.forEach(({ id }, index) => {
      let slot = hashOf(id, 0, id.length) & (size - 1);
      while (this.table[slot] !== 0) {
        slot = (slot + 1) & (size - 1);
      }
      this.table[slot] = index + 1;
    });
  }

  read(record: string | string[], row: number, voteColumn: number, pointsColumn: number | undefined): void {
    this.ballot++;
    const raw = typeof record === 'string';
    const line = raw ? record : (record[voteColumn] ?? '');
    let at = raw ? cellStart(line, voteColumn) : 0;
    const end = at < 0 ? (at = 0) : raw ? cellEnd(line, at) : line.length;
    let count = 0;
    while (at < end) {
      let stop = line.indexOf(',', at);
      if (stop < 0 || stop > end) {
        stop = end;
      }
      let from = at;
      let to = stop;
      while (from < to && line.charCodeAt(from) <= 32) {
        from++;
      }
      while (to > from && line.charCodeAt(to - 1) <= 32) {
        to--;
      }
      at = stop + 1;
      if (from === to) {
        if (stop === end && count === 0) {
          break;
        }
        throw new PbParseError(`VOTES row ${row + 1} has an empty project id`);
      }
      const project = this.find(line, from, to);
      if (project < 0) {
        throw new PbParseError(`VOTES row ${row + 1} names unknown project ${line.slice(from, to)}`);
      }
      if (count === this.projects.length) {
        this.grow();
      }
      this.projects[count++] = project;
    }
    if (!this.cumulative) {
      this.grouper.add(this.projects, undefined, this.dedupe(count));
      return;
    }
    let pointsCell = '';
    if (!raw) {
      pointsCell = record[pointsColumn!] ?? '';
    } else if (cellStart(line, pointsColumn!) >= 0) {
      const start = cellStart(line, pointsColumn!);
      pointsCell = line.slice(start, cellEnd(line, start));
    }
    const parts = count === 0 ? [] : pointsCell.split(',');
    if (parts.length !== count) {
      throw new PbParseError(`VOTES row ${row + 1}: ${count} projects but ${parts.length} points`);
    }
    parts.forEach((part, i) => {
      const points = Number(part.trim());
      if (!Number.isSafeInteger(points) || points < 0 || part.trim() === '') {
        throw new PbParseError(`VOTES row ${row + 1}: points must be whole numbers, got "${part}"`);
      }
      this.points[i] = points;
    });
    this.grouper.add(this.projects, this.points, this.mergeRepeats(count));
  }

  private find(line: string, from: number, to: number): number {
    const mask = this.table.length - 1;
    for (let slot = hashOf(line, from, to) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) {
        return -1;
      }
      const id = this.ids[entry - 1]!.id;
      if (id.length === to - from && line.startsWith(id, from)) {
        return entry - 1;
      }
    }
  }

  /** Approval: naming a project twice is naming it once. */
  private dedupe(count: number): number {
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const project = this.projects[i]!;
      if (this.seen[project] === this.ballot) {
        continue;
      }
      this.seen[project] = this.ballot;
      this.projects[kept++] = project;
    }
    return kept;
  }

  /** Cumulative: points given to the same project twice add up. */
  private mergeRepeats(count: number): number {
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const project = this.projects[i]!;
      const earlier =
        this.seen[project] === this.ballot ? this.projects.subarray(0, kept).indexOf(project) : -1;
      if (earlier >= 0) {
        this.points[earlier]! += this.points[i]!;
        continue;
      }
      this.seen[project] = this.ballot;
      this.points[kept] = this.points[i]!;
      this.projects[kept++] = project;
    }
    return kept;
  }

  private grow(): void {
    const projects = new Int32Array(this.projects.length * 2);
    projects.set(this.projects);
    const points = new Int32Array(this.points.length * 2);
    points.set(this.points);
    this.projects = projects;
    this.points = points;
  }
}

function hashOf(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}
