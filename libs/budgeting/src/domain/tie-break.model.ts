import type { TallyProject } from './tally-election.model';

/** Orders tied projects: negative when `a` should win the tie. Must be a deterministic total order. */
export type TieBreak = (a: TallyProject, b: TallyProject) => number;

/**
 * The research tools' default (pabutools' lexicographic rule): the project whose id sorts first as a string
 * wins, so `"10"` beats `"9"`.
 */
export const byProjectId: TieBreak = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Position of every project in the tie-break order (0 wins every tie). */
export function tieRanks(projects: readonly TallyProject[], tieBreak: TieBreak): Int32Array {
  const order = projects.map((_, i) => i).sort((a, b) => tieBreak(projects[a]!, projects[b]!) || a - b);
  const rank = new Int32Array(projects.length);
  order.forEach((project, position) => (rank[project] = position));
  return rank;
}
