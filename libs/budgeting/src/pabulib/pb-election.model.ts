import type { TallyElection } from '../domain/tally-election.model';
import type { TallyRule } from '../domain/tally.rules';

/**
 * One `.pb` section below its header: column names, then rows of raw cell text in the same order. Rows are
 * kept as the raw line when it has no quotes and only split into cells when asked for.
 */
export class PbTable {
  private split: (readonly string[])[] | undefined;

  constructor(
    readonly columns: readonly string[],
    private readonly records: readonly (string | readonly string[])[],
  ) {}

  get rowCount(): number {
    return this.records.length;
  }

  get rows(): readonly (readonly string[])[] {
    this.split ??= this.records.map((record) => (typeof record === 'string' ? record.split(';') : record));
    return this.split;
  }
}

/**
 * A parsed Pabulib file: the three sections as written (cells untouched, so writing them back loses nothing)
 * and the election they describe, ready to tally.
 */
export interface PbElection {
  readonly meta: Readonly<Record<string, string>>;
  readonly projects: PbTable;
  readonly votes: PbTable;
  /** Projects in file order with ids as in the file; identical ballots merged into one weighted ballot. */
  readonly election: TallyElection;
}

export class PbParseError extends Error {
  override readonly name = 'PbParseError';
}

/** Column of a table by name, or undefined. */
export function pbColumn(table: PbTable, name: string): number | undefined {
  const index = table.columns.indexOf(name);
  return index < 0 ? undefined : index;
}

/** The minimum score a project needs under `greedy-threshold`, from META `min_project_score_threshold`. */
export function pbMinProjectScore(pb: PbElection): number | undefined {
  const raw = pb.meta['min_project_score_threshold']?.trim();
  if (!raw) {
    return undefined;
  }
  const value = Number(raw.replace(',', '.'));
  if (!Number.isFinite(value)) {
    throw new PbParseError(`META min_project_score_threshold is not a number: ${raw}`);
  }
  return value;
}

/** Ids of the projects the PROJECTS `selected` column marks as funded (the official result), if present. */
export function pbOfficialSelection(pb: PbElection): string[] | undefined {
  const column = pbColumn(pb.projects, 'selected');
  if (column === undefined) {
    return undefined;
  }
  return pb.election.projects
    .filter((_, i) => pb.projects.rows[i]?.[column]?.trim() === '1')
    .map((p) => p.id);
}

const META_RULES: Readonly<Record<string, TallyRule>> = {
  greedy: 'greedy',
  'greedy-no-skip': 'greedy-no-skip',
  'greedy-threshold': 'greedy-threshold',
  equalshares: 'mes',
  'equalshares/add1': 'mes-equalshares',
  'equalshares/add1-comparison': 'mes-equalshares',
};

/**
 * Our rule for the file's META `rule`, when we have one. The `equalshares/add1` elections (Assen, Świecie,
 * Wieliczka) were computed with equalshares.net's Add1, which is `mes-equalshares`; Wieliczka's comparison
 * step against greedy kept the MES outcome, so the same rule reproduces it.
 */
export function pbRule(pb: PbElection): TallyRule | undefined {
  const rule = pb.meta['rule']?.trim().toLowerCase();
  return rule === undefined ? undefined : META_RULES[rule];
}
