import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@chartuloba/platform';

@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  async countSince(loginHash: string, since: Date): Promise<number> {
    const rows: Array<{ count: string }> = await this.transactions
      .manager()
      .query(
        `SELECT count(*) AS count FROM identity_login_failures WHERE login_hash = $1 AND occurred_at > $2`,
        [loginHash, since],
      );
    return Number(rows[0]?.count ?? 0);
  }

  async record(loginHash: string): Promise<void> {
    await this.transactions
      .manager()
      .query(`INSERT INTO identity_login_failures (login_hash) VALUES ($1)`, [loginHash]);
  }

  async clear(loginHash: string): Promise<void> {
    await this.transactions
      .manager()
      .query(`DELETE FROM identity_login_failures WHERE login_hash = $1`, [loginHash]);
  }
}
