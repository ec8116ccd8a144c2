import { MigrationInterface, QueryRunner } from 'typeorm';

export class BudgetingCommentModeration1764130000000 implements MigrationInterface {
  name = 'BudgetingCommentModeration1764130000000';

  async up(db: QueryRunner): Promise<void> {
    // A hidden comment keeps its row (the audit log points at it) but shows only the moderator's reason.
    await db.query(`
      ALTER TABLE budgeting_comments
        ADD COLUMN hidden_at timestamptz,
        ADD COLUMN hidden_by uuid,
        ADD COLUMN hidden_reason text CHECK (length(hidden_reason) BETWEEN 1 AND 500),
        ADD CONSTRAINT budgeting_comments_hidden_with_reason
          CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))`);
    await db.query(`CREATE INDEX budgeting_comments_project ON budgeting_comments (project_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS budgeting_comments_project`);
    await db.query(`
      ALTER TABLE budgeting_comments
        DROP CONSTRAINT IF EXISTS budgeting_comments_hidden_with_reason,
        DROP COLUMN IF EXISTS hidden_reason,
        DROP COLUMN IF EXISTS hidden_by,
        DROP COLUMN IF EXISTS hidden_at`);
  }
}
