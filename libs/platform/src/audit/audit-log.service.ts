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
    await this.transactions
      .manager()
      .createQueryBuilder()
      .insert()
      .into(AuditLogEntity)
      .values(
        entries.map((entry) => {
          const actor = entry.actor === undefined ? context?.actor : entry.actor;
          const requestId = entry.requestId === undefined ? context?.requestId : entry.requestId;
          return {
            actorId: actor?.id ?? null,
            actorLabel: actor?.label ?? (actor === null || !context ? 'system' : 'anonymous'),
            action: entry.action,
            subjectType: entry.subject.type,
            subjectId: entry.subject.id ?? null,
            summary: entry.summary,
            requestId: requestId ?? null,
            data: (entry.data ?? null) as AuditLogEntity['data'] & object,
          };
        }),
      )
      .updateEntity(false)
      .execute();
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
