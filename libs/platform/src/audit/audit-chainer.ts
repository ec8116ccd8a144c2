import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditContent, auditHash, GENESIS_HASH } from './audit-hash';

// Only one process at a time extends the chain; the others skip the round.
const CHAIN_LOCK = 7_301_125;
const BATCH = 2000;

interface UnchainedRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  summary: string;
  request_id: string | null;
  data: unknown;
}

export function toAuditContent(row: UnchainedRow): AuditContent {
  return {
    id: String(row.id),
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    summary: row.summary,
    requestId: row.request_id,
    data: row.data,
  };
}

/**
 * Links committed audit rows into the hash chain, in the order they became visible. Requests only insert;
 * this background step is the one writer of `seq`/`hash`, so appending never waits on the chain head.
 */
@Injectable()
export class AuditChainer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditChainer.name);
  private timer?: NodeJS.Timeout;
  private pending?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.soon(), 5000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.pending);
    await this.running?.catch(() => undefined);
  }

  /** Asks for a chaining round shortly; bursts of appends share one round. */
  soon(): void {
    if (this.pending || this.stopped) {
      return;
    }
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.chainPending(false).catch((error: unknown) =>
        this.logger.warn(`audit chaining deferred: ${(error as Error).message}`),
      );
    }, 200);
    this.pending.unref();
  }

  /**
   * Chains every committed unchained row; returns how many it chained. Background rounds skip when another
   * process holds the chain; an explicit call (CLI, tests, the job) waits for it.
   */
  async chainPending(wait = true): Promise<number> {
    if (this.running) {
      await this.running.catch(() => undefined);
    }
    this.running = this.chainAll(wait);
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private async chainAll(wait: boolean): Promise<number> {
    let total = 0;
    for (;;) {
      const chained = await this.chainBatch(wait);
      total += chained;
      if (chained < BATCH) {
        return total;
      }
    }
  }

  private chainBatch(wait: boolean): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      if (wait) {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      } else {
        const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
          CHAIN_LOCK,
        ])) as [{ locked: boolean }];
        if (!locked) {
          return 0;
        }
      }
      const rows = (await manager.query(
        `SELECT id, occurred_at, actor_id, actor_label, action, subject_type, subject_id, summary, request_id, data
           FROM platform_audit_log WHERE seq IS NULL ORDER BY id LIMIT $1`,
        [BATCH],
      )) as UnchainedRow[];
      if (rows.length === 0) {
        return 0;
      }
      const head = (await manager.query(
        'SELECT seq, hash FROM platform_audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1',
      )) as Array<{ seq: string; hash: string }>;
      let seq = BigInt(head[0]?.seq ?? 0);
      let previous = head[0]?.hash ?? GENESIS_HASH;
      const ids: string[] = [];
      const seqs: string[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        seq += 1n;
        const hash = auditHash(previous, seq.toString(), toAuditContent(row));
        ids.push(String(row.id));
        seqs.push(seq.toString());
        prevs.push(previous);
        hashes.push(hash);
        previous = hash;
      }
      await manager.query(
        `UPDATE platform_audit_log AS a SET seq = c.seq, prev_hash = c.prev_hash, hash = c.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS c(id, seq, prev_hash, hash)
          WHERE a.id = c.id`,
        [ids, seqs, prevs, hashes],
      );
      // The checkpoint remembers the head, so removing the newest rows is noticed too.
      await manager.query('INSERT INTO platform_audit_checkpoints (seq, hash) VALUES ($1, $2)', [
        seq.toString(),
        previous,
      ]);
      return rows.length;
    });
  }
}
