import { MigrationInterface, QueryRunner } from 'typeorm';

export class BudgetingMergeDecline1764190000000 implements MigrationInterface {
  name = 'BudgetingMergeDecline1764190000000';

  async up(db: QueryRunner): Promise<void> {
    // One author saying no ends a merge request: the answer is kept on that author's consent row.
    await db.query(`ALTER TABLE budgeting_merge_consents ADD COLUMN declined_at timestamptz`);
    await db.query(`
      ALTER TABLE budgeting_merge_consents ADD CONSTRAINT budgeting_merge_consents_one_answer
        CHECK (agreed_at IS NULL OR declined_at IS NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE budgeting_merge_consents DROP COLUMN declined_at`);
  }
}
