import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Role, TransactionRunner } from '@chartuloba/platform';
import { SessionEntity, SessionKind } from '../entities/session.entity';

/** A live session with what the access check needs of its user, read in one query. */
export interface LiveSession {
  sessionId: string;
  key: string;
  userId: string;
  displayName: string;
  roles: Role[];
  lastSeenAt: Date;
  /** The account's verified resident key, read in the same query: signing and voting need it next. */
  residentKey: string | null;
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  async insert(values: {
    tokenHash: string;
    userId: string;
    kind: SessionKind;
    expiresAt: Date;
  }): Promise<SessionEntity> {
    const manager = this.transactions.manager();
    return manager.save(manager.create(SessionEntity, values));
  }

  async findActiveByHash(tokenHash: string, kind: SessionKind): Promise<SessionEntity | null> {
    return this.transactions
      .manager()
      .createQueryBuilder(SessionEntity, 's')
      .where('s.token_hash = :tokenHash AND s.kind = :kind', { tokenHash, kind })
      .andWhere('s.revoked_at IS NULL AND s.expires_at > now()')
      .getOne();
  }

  /** Live sessions of one kind by id or by token hash, each joined to its user (missing keys: not live). */
  async findLive(kind: SessionKind, by: 'id' | 'token_hash', keys: string[]): Promise<LiveSession[]> {
    // Compared in the column's own type, so the primary key or the token index finds each row.
    const match = by === 'id' ? 's.id = ANY($1::uuid[])' : 's.token_hash = ANY($1::text[])';
    return (await this.transactions.manager().query(
      `SELECT s.id AS "sessionId", ${by === 'id' ? 's.id::text' : 's.token_hash'} AS key, u.id AS "userId",
         u.display_name AS "displayName", u.roles, s.last_seen_at AS "lastSeenAt",
         r.personal_number_hash AS "residentKey"
       FROM identity_sessions s JOIN identity_users u ON u.id = s.user_id
         LEFT JOIN identity_residency r ON r.user_id = u.id
       WHERE ${match} AND s.kind = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [keys, kind],
    )) as LiveSession[];
  }

  async findActiveById(id: string, kind: SessionKind): Promise<SessionEntity | null> {
    return this.transactions
      .manager()
      .createQueryBuilder(SessionEntity, 's')
      .where('s.id = :id AND s.kind = :kind', { id, kind })
      .andWhere('s.revoked_at IS NULL AND s.expires_at > now()')
      .getOne();
  }

  async touch(id: string): Promise<void> {
    await this.transactions.manager().update(SessionEntity, { id }, { lastSeenAt: new Date() });
  }

  async revoke(id: string): Promise<void> {
    await this.transactions
      .manager()
      .update(SessionEntity, { id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllForUser(userId: string): Promise<void> {
    await this.transactions
      .manager()
      .update(SessionEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
