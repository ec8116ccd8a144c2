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
