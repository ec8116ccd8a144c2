import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { TransactionRunner } from '@chartuloba/platform';
import { OneTimeTokenEntity, TokenPurpose } from '../entities/one-time-token.entity';

@Injectable()
export class TokensRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  async insert(values: { userId: string; purpose: TokenPurpose; tokenHash: string; expiresAt: Date }) {
    const manager = this.transactions.manager();
    return manager.save(manager.create(OneTimeTokenEntity, values));
  }

  /** Marks a usable token used and answers whose it was; one UPDATE, so two clicks cannot both use it. */
  async consume(purpose: TokenPurpose, tokenHash: string): Promise<string | null> {
    // For UPDATE … RETURNING, TypeORM's query() answers [rows, affected count].
    const [rows] = (await this.transactions.manager().query(
      `UPDATE identity_tokens SET used_at = now()
       WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
       RETURNING user_id`,
      [tokenHash, purpose],
    )) as [Array<{ user_id: string }>, number];
    return rows[0]?.user_id ?? null;
  }

  /** Older links and codes stop working once a new one is issued or the purpose is fulfilled. */
  async invalidate(userId: string, purpose: TokenPurpose): Promise<void> {
    await this.transactions
      .manager()
      .update(OneTimeTokenEntity, { userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
  }
}
