import type { TallyBallot } from './tally-election.model';

/**
 * Collects ballots and merges identical ones (same projects, same points) into one weighted ballot. Big
 * elections repeat ballots a lot (Wrocław 2015: 131,778 ballots, 197 distinct), and every rule works per
 * distinct ballot. Hashes the sorted entries, so adding a ballot allocates nothing unless it is new.
 */
export class BallotGrouper {
  private readonly groups: {
    projects: readonly number[];
    points: readonly number[] | undefined;
    weight: number;
  }[] = [];
  private readonly hashes: number[] = [];
  private table = new Int32Array(1024);
  private order = new Int32Array(16);
  private emptyWeight = 0;

  /**
   * Adds `length` entries (any order, no repeats); `points` undefined for approval ballots. With `own`, the
   * arrays are the caller's to keep (not scratch), sorted and exactly `length` long, and a new group takes
   * them as they are instead of copying.
   */
  add(
    projects: ArrayLike<number>,
    points: ArrayLike<number> | undefined,
    length: number,
    weight = 1,
    own = false,
  ): void {
    if (length === 0) {
      this.emptyWeight += weight;
      return;
    }
    if (this.order.length < length) {
      this.order = new Int32Array(length * 2);
    }
    const order = this.order;
    for (let i = 0; i < length; i++) {
      order[i] = i;
    }
    // Insertion sort by project: ballots are short.
    for (let i = 1; i < length; i++) {
      const item = order[i]!;
      const key = projects[item]!;
      let at = i - 1;
      while (at >= 0 && projects[order[at]!]! > key) {
        order[at + 1] = order[at]!;
        at--;
      }
      order[at + 1] = item;
    }
    let hash = length;
    for (let i = 0; i < length; i++) {
      hash = Math.imul(hash ^ projects[order[i]!]!, 0x9e3779b1);
      if (points) {
        hash = Math.imul(hash ^ points[order[i]!]!, 0x85ebca6b);
      }
      hash ^= hash >>> 15;
    }
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) {
        this.groups.push({
          projects: own ? (projects as readonly number[]) : this.copy(projects, length),
          points:
            points && own ? (points as readonly number[]) : points ? this.copy(points, length) : undefined,
          weight,
        });
        this.hashes.push(hash);
        this.table[slot] = this.groups.length;
        if (this.groups.length * 2 > this.table.length) {
          this.rehash();
        }
        return;
      }
      if (this.hashes[entry - 1] === hash && this.sameAs(entry - 1, projects, points, length)) {
        this.groups[entry - 1]!.weight += weight;
        return;
      }
    }
  }

  /** Distinct ballots, first-seen order, each with its weight; empty ballots last, as one weighted ballot. */
  ballots(): TallyBallot[] {
    const out: TallyBallot[] = this.groups.map(({ projects, points, weight }) =>
      points ? { projects, points, weight } : { projects, weight },
    );
    if (this.emptyWeight > 0) {
      out.push({ projects: [], weight: this.emptyWeight });
    }
    return out;
  }

  /** The first `length` values in sorted order, as a fresh array. */
  private copy(values: ArrayLike<number>, length: number): number[] {
    const out = new Array<number>(length);
    for (let i = 0; i < length; i++) {
      out[i] = values[this.order[i]!]!;
    }
    return out;
  }

  private sameAs(
    group: number,
    projects: ArrayLike<number>,
    points: ArrayLike<number> | undefined,
    length: number,
  ) {
    const known = this.groups[group]!;
    if (known.projects.length !== length || (known.points === undefined) !== (points === undefined)) {
      return false;
    }
    for (let i = 0; i < length; i++) {
      const at = this.order[i]!;
      if (known.projects[i] !== projects[at]) {
        return false;
      }
      if (points && known.points![i] !== points[at]) {
        return false;
      }
    }
    return true;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    this.hashes.forEach((hash, group) => {
      let slot = hash & mask;
      while (table[slot] !== 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = group + 1;
    });
    this.table = table;
  }
}
