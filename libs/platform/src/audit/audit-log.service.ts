import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { Actor, RequestContext } from '../http/request-context';
import { AuditLogEntity } from './audit-log.entity';
import { AuditChainer } from './audit-chainer';

export interface AuditEntry {
  /** Defaults to the request's actor; `null` for the system itself (scheduled work). */
  actor?: Actor | null;
  /** `<lib>.<verb>`, e.g. `petitions.registered`. */
  action: string;
  subject: { type: string; id?: string | null };
  summary: string;
  data?: Record<string, unknown>;
  /** The request the change belongs to, when recorded outside its context (batched work). */
  requestId?: string | null;
}

/** SQL expressions over the rows of a caller's statement, one for each column of an audit row. */
export interface AuditRowsSql {
  /** The FROM clause: the statement's rows to audit, one audit row each. */
  from: string;
  actorId: string;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  summary: string;
  requestId: string;
  /** A jsonb expression. */
  data: string;
}

/** Records a state change in the current transaction: it is in the log exactly when the change is. */
@Injectable()
export class AuditLog {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly chainer: AuditChainer,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.recordMany([entry]);
  }

  /**
   * Several entries in one INSERT (work batched across requests). Each entry may name the request it
   * belongs to; otherwise the current request's id and actor apply.
   */
  async recordMany(entries: AuditEntry[]): Promise<void> {
    if (!entries.length) {
      return;
    }
    const context = RequestContext.current();
    const rows = entries.map((entry) => {
      const actor = entry.actor === undefined ? context?.actor : entry.actor;
      const requestId = entry.requestId === undefined ? context?.requestId : entry.requestId;
      return {
        actorId: actor?.id ?? null,
        actorLabel: actor?.label ?? (actor === null || !context ? 'system' : 'anonymous'),
        requestId: requestId ?? null,
        entry,
      };
    });
    // One statement for any number of rows, in the order given (their ids follow it).
    await this.transactions.manager().query(
      `INSERT INTO platform_audit_log
         (actor_id, actor_label, action, subject_type, subject_id, summary, request_id, data)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::jsonb[])`,
      [
        rows.map((row) => row.actorId),
        rows.map((row) => row.actorLabel),
        rows.map((row) => row.entry.action),
        rows.map((row) => row.entry.subject.type),
        rows.map((row) => row.entry.subject.id ?? null),
        rows.map((row) => row.entry.summary),
        rows.map((row) => row.requestId),
        rows.map((row) => (row.entry.data ? JSON.stringify(row.entry.data) : null)),
      ],
    );
    this.appended();
  }

  /**
   * For a hot path that makes a change and audits it in one statement, which is atomic by itself and so
   * needs no BEGIN and COMMIT round trips: the INSERT to put in that statement's WITH list. Call
   * `appended()` after the statement ran, so the chain is extended.
   */
  insertFor(rows: AuditRowsSql): string {
    return `INSERT INTO platform_audit_log
         (actor_id, actor_label, action, subject_type, subject_id, summary, request_id, data)
       SELECT ${rows.actorId}, ${rows.actorLabel}, ${rows.action}, ${rows.subjectType}, ${rows.subjectId},
         ${rows.summary}, ${rows.requestId}, ${rows.data}
       FROM ${rows.from}`;
  }

  /** Wakes the chainer once the rows are durable: after the transaction commits, or now outside one. */
  appended(): void {
    this.transactions.afterCommit(() => this.chainer.soon());
  }

  /** The recorded history of one subject, oldest first (for timelines and staff views). */
  async history(subjectType: string, subjectId: string, limit = 200): Promise<AuditLogEntity[]> {
    return this.transactions.manager().find(AuditLogEntity, {
      where: { subjectType, subjectId },
      order: { id: 'ASC' },
      take: limit,
    });
  }
}
