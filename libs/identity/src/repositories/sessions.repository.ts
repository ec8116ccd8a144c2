import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { TransactionRunner } from '@chartuloba/platform';
import { SessionEntity, SessionKind } from '../entities/session.entity';

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
