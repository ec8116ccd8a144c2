import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toAuditContent } from './audit-chainer';
import { auditHash, GENESIS_HASH } from './audit-hash';

export interface AuditVerification {
  ok: boolean;
  /** Rows whose hash was recomputed. */
  checked: number;
  /** Rows not yet linked into the chain (appended moments ago, or the chainer is not running). */
  unchained: number;
  /** The first row that does not match, with why. */
  firstBad?: { seq: string; id: string | null; reason: string };
}

const PAGE = 5000;

/** Recomputes the whole chain from the genesis hash. */
@Injectable()
export class AuditVerifier {
  constructor(private readonly dataSource: DataSource) {}

  async verify(): Promise<AuditVerification> {
    const [checkpoint] = (await this.dataSource.query(
      'SELECT seq, hash FROM platform_audit_checkpoints ORDER BY seq DESC LIMIT 1',
    )) as Array<{ seq: string; hash: string }>;
    let hashAtCheckpoint: string | undefined;
    let previous = GENESIS_HASH;
    let expectedSeq = 1n;
    let checked = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT id, occurred_at, actor_id, actor_label, action, subject_type, subject_id, summary, request_id,
                data, seq, prev_hash, hash
           FROM platform_audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`,
        [expectedSeq.toString(), PAGE],
      )) as Array<Parameters<typeof toAuditContent>[0] & { seq: string; prev_hash: string; hash: string }>;
      for (const row of rows) {
        const seq = BigInt(row.seq);
        if (seq !== expectedSeq) {
          return this.bad(checked, expectedSeq, null, `row at position ${expectedSeq} is missing`);
        }
        const hash = auditHash(previous, row.seq, toAuditContent(row));
        if (row.prev_hash !== previous || row.hash !== hash) {
          return this.bad(checked, seq, String(row.id), 'content does not match its hash');
        }
        if (checkpoint && row.seq === checkpoint.seq) {
          hashAtCheckpoint = hash;
        }
        previous = hash;
        expectedSeq += 1n;
        checked += 1;
      }
      if (rows.length < PAGE) {
        break;
      }
    }
    if (checkpoint && checkpoint.hash !== hashAtCheckpoint) {
      return this.bad(checked, BigInt(checkpoint.seq), null, 'rows at the end of the chain were removed');
    }
    return { ok: true, checked, unchained: await this.unchained() };
  }

  private async bad(
    checked: number,
    seq: bigint,
    id: string | null,
    reason: string,
  ): Promise<AuditVerification> {
    return {
      ok: false,
      checked,
      unchained: await this.unchained(),
      firstBad: { seq: seq.toString(), id, reason },
    };
  }

  private async unchained(): Promise<number> {
    const [{ count }] = (await this.dataSource.query(
      'SELECT count(*)::int AS count FROM platform_audit_log WHERE seq IS NULL',
    )) as [{ count: number }];
    return count;
  }
}
