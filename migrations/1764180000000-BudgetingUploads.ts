import { MigrationInterface, QueryRunner } from 'typeorm';

export class BudgetingUploads1764180000000 implements MigrationInterface {
  name = 'BudgetingUploads1764180000000';

  async up(db: QueryRunner): Promise<void> {
    // A proposal's sketches, site photos and quotes: uploaded files only (there were no links before).
    // width/height are kept for images so the public page reserves their space before they load.
    await db.query(`
      CREATE TABLE budgeting_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES budgeting_projects(id) ON DELETE CASCADE,
        file_id uuid NOT NULL UNIQUE REFERENCES platform_files(id),
        caption text CHECK (caption IS NULL OR length(caption) <= 200),
        width integer,
        height integer,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX budgeting_attachments_project ON budgeting_attachments (project_id, created_at)`,
    );
    // Implementation photos move to their own table, several per update. Old rows keep their link (there
    // is no network here to fetch what is behind it): a photo is exactly one of link or file.
    await db.query(`
      CREATE TABLE budgeting_update_photos (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        update_id uuid NOT NULL REFERENCES budgeting_updates(id) ON DELETE CASCADE,
        file_id uuid UNIQUE REFERENCES platform_files(id),
        url text,
        width integer,
        height integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT budgeting_update_photos_file_or_link CHECK ((file_id IS NULL) <> (url IS NULL))
      )`);
    await db.query(
      `CREATE INDEX budgeting_update_photos_update ON budgeting_update_photos (update_id, created_at)`,
    );
    await db.query(`
      INSERT INTO budgeting_update_photos (update_id, url, created_at)
      SELECT id, photo_url, created_at FROM budgeting_updates WHERE photo_url IS NOT NULL`);
    await db.query(`ALTER TABLE budgeting_updates DROP COLUMN photo_url`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Uploaded files have no link to fall back to; going down removes them. A link photo goes back to its update.
    await db.query(`ALTER TABLE budgeting_updates ADD COLUMN photo_url text`);
    await db.query(`
      UPDATE budgeting_updates u SET photo_url = (
        SELECT p.url FROM budgeting_update_photos p
        WHERE p.update_id = u.id AND p.url IS NOT NULL ORDER BY p.created_at LIMIT 1)`);
    await db.query(`DROP TABLE budgeting_update_photos`);
    await db.query(`DROP TABLE budgeting_attachments`);
    await db.query(
      `DELETE FROM platform_files WHERE purpose IN ('budgeting.proposal-attachment', 'budgeting.implementation-photo')`,
    );
  }
}
