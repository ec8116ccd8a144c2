import { MigrationInterface, QueryRunner } from 'typeorm';

export class CouncilsReportUploads1764170000000 implements MigrationInterface {
  name = 'CouncilsReportUploads1764170000000';

  async up(db: QueryRunner): Promise<void> {
    // A published yearly report's document as an uploaded PDF; reports from before keep their `url` link.
    await db.query(`ALTER TABLE councils_reports ADD COLUMN file_id uuid REFERENCES platform_files(id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The uploads have no link to fall back to: going down removes them.
    await db.query(`ALTER TABLE councils_reports DROP COLUMN file_id`);
    await db.query(`DELETE FROM platform_files WHERE purpose = 'councils.report-document'`);
  }
}
