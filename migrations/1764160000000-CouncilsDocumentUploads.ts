import { MigrationInterface, QueryRunner } from 'typeorm';

export class CouncilsDocumentUploads1764160000000 implements MigrationInterface {
  name = 'CouncilsDocumentUploads1764160000000';

  async up(db: QueryRunner): Promise<void> {
    // New documents are uploaded PDFs. Rows from before keep their link (there is no network here to fetch
    // the PDFs behind them): a document is exactly one of the two, and no new links are accepted.
    await db.query(`ALTER TABLE councils_documents ADD COLUMN file_id uuid REFERENCES platform_files(id)`);
    await db.query(`ALTER TABLE councils_documents ALTER COLUMN url DROP NOT NULL`);
    await db.query(
      `ALTER TABLE councils_documents ADD CONSTRAINT councils_documents_file_or_link
         CHECK ((file_id IS NULL) <> (url IS NULL))`,
    );
    await db.query(`CREATE UNIQUE INDEX councils_documents_file ON councils_documents (file_id)`);
    // The signed minutes as an uploaded PDF; an old minutes_url stays shown where there is no upload.
    await db.query(
      `ALTER TABLE councils_sessions ADD COLUMN minutes_file_id uuid REFERENCES platform_files(id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    // Uploaded documents have no link to fall back to; going down removes them with their files.
    await db.query(`ALTER TABLE councils_sessions DROP COLUMN minutes_file_id`);
    await db.query(`DELETE FROM councils_documents WHERE url IS NULL`);
    await db.query(
      `DELETE FROM platform_files WHERE purpose IN ('councils.session-document', 'councils.signed-minutes')`,
    );
    await db.query(`DROP INDEX councils_documents_file`);
    await db.query(`ALTER TABLE councils_documents DROP CONSTRAINT councils_documents_file_or_link`);
    await db.query(`ALTER TABLE councils_documents DROP COLUMN file_id`);
    await db.query(`ALTER TABLE councils_documents ALTER COLUMN url SET NOT NULL`);
  }
}
