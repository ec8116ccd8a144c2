import type { PbElection, PbTable } from './pb-election.model';

function cell(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function row(cells: readonly string[]): string {
  return cells.map(cell).join(';');
}

function table(name: string, section: PbTable): string[] {
  return [name, row(section.columns), ...section.rows.map(row)];
}

/**
 * Writes a parsed election back as `.pb` text (LF line ends, cells quoted only when they hold `;`, `"` or a
 * line break), so `parsePb(writePb(pb))` gives back the same sections and election.
 */
export function writePb(pb: PbElection): string {
  const meta = ['META', 'key;value', ...Object.entries(pb.meta).map(([key, value]) => row([key, value]))];
  return [...meta, ...table('PROJECTS', pb.projects), ...table('VOTES', pb.votes)].join('\n') + '\n';
}
