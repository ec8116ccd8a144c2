import { createHash } from 'node:crypto';

export interface AuditContent {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  summary: string;
  requestId: string | null;
  data: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so the hash does not depend on how jsonb hands keys back. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** hash(n) = SHA-256(hash(n-1) || canonical content of row n, including its position in the chain). */
export function auditHash(previousHash: string, seq: string, row: AuditContent): string {
  const content = canonical([
    seq,
    row.id,
    row.occurredAt.toISOString(),
    row.actorId,
    row.actorLabel,
    row.action,
    row.subjectType,
    row.subjectId,
    row.summary,
    row.requestId,
    row.data ?? null,
  ]);
  return createHash('sha256').update(previousHash).update(content).digest('hex');
}
