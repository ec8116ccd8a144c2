/**
 * Why a project ended where it did:
 * - `selected`: funded;
 * - `did-not-fit`: a greedy pass reached it when the money left was less than its cost (under
 *   `greedy-no-skip`, every project after the first one that did not fit);
 * - `below-threshold`: fewer votes (points) than the round's minimum, so it never took part;
 * - `not-enough-support`: the Method of Equal Shares could not pay for it from its supporters' shares.
 */
export type ProjectStatus = 'selected' | 'did-not-fit' | 'below-threshold' | 'not-enough-support';

/** Result of one rule on indices into the election's projects, before it is dressed up for callers. */
export interface RuleOutcome {
  /** In the order the rule picked them. */
  readonly selected: readonly number[];
  readonly status: readonly ProjectStatus[];
}
