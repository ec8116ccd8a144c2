import { MigrationInterface, QueryRunner } from 'typeorm';

export class BudgetingPaperNumbers1764140000000 implements MigrationInterface {
  name = 'BudgetingPaperNumbers1764140000000';

  async up(db: QueryRunner): Promise<void> {
    // Every paper ballot typed in, whatever became of it: a discarded paper ballot (an earlier online one won)
    // has no row in budgeting_ballots, so only this key stops its number being entered a second time.
    await db.query(`
      CREATE TABLE budgeting_paper_entries (
        cycle_id uuid NOT NULL REFERENCES budgeting_cycles(id) ON DELETE CASCADE,
        paper_number text NOT NULL,
        entered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cycle_id, paper_number)
      )`);
    await db.query(`
      INSERT INTO budgeting_paper_entries (cycle_id, paper_number)
      SELECT cycle_id, paper_number FROM budgeting_ballots WHERE paper_number IS NOT NULL
      UNION
      SELECT cycle_id, paper_number FROM budgeting_ballot_conflicts`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS budgeting_paper_entries`);
  }
}
