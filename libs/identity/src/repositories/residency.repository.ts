import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@chartuloba/platform';
import { ResidencyEntity } from '../entities/residency.entity';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class ResidencyRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  async find(userId: string): Promise<ResidencyEntity | null> {
    return this.transactions.manager().findOne(ResidencyEntity, { where: { userId } });
  }

  /** The keyed personal-number hash of each verified user among `userIds`. */
  async personalNumberHashes(userIds: string[]): Promise<Map<string, string>> {
    const rows = (await this.transactions
      .manager()
      .query(
        `SELECT user_id AS "userId", personal_number_hash AS hash FROM identity_residency WHERE user_id = ANY($1::uuid[])`,
        [userIds],
      )) as Array<{ userId: string; hash: string }>;
    return new Map(rows.map((row) => [row.userId, row.hash]));
  }

  async findByPersonalNumberHash(hash: string): Promise<ResidencyEntity | null> {
    return this.transactions.manager().findOne(ResidencyEntity, { where: { personalNumberHash: hash } });
  }

  /**
   * Inserts the verification; `taken` when another account already holds the number. The unique index
   * decides, so two staff verifying the same person at once cannot both succeed.
   */
  async insert(values: Omit<ResidencyEntity, 'verifiedAt'>): Promise<'inserted' | 'taken'> {
    const manager = this.transactions.manager();
    // A savepoint keeps the surrounding transaction usable after the unique violation.
    await manager.query('SAVEPOINT identity_residency_insert');
    try {
      await manager.insert(ResidencyEntity, values);
      await manager.query('RELEASE SAVEPOINT identity_residency_insert');
      return 'inserted';
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT identity_residency_insert');
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        return 'taken';
      }
      throw error;
    }
  }
}
