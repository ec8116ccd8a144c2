/**
 * What an edit changes in a cycle's settings, compared by value: key order inside texts, the order of
 * village budgets and seconds on a date (forms are minute-grained) do not count as changes.
 */
export function changedSettings<T extends object>(
  current: T,
  next: T,
  fields: readonly (keyof T)[],
): (keyof T)[] {
  return fields.filter((field) => canonical(current[field]) !== canonical(next[field]));
}

function canonical(value: unknown): string {
  return JSON.stringify(normalised(value ?? null));
}

function normalised(value: unknown): unknown {
  if (value instanceof Date) {
    return Math.floor(value.getTime() / 60_000);
  }
  if (Array.isArray(value)) {
    const items = value.map(normalised);
    // Village budgets are a set keyed by settlement; categories keep their order (it is the order shown).
    return value.every((v) => v && typeof v === 'object' && 'settlementId' in v)
      ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
      : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalised(v)]),
    );
  }
  return value;
}
