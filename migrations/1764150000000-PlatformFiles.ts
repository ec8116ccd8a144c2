import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlatformFiles1764150000000 implements MigrationInterface {
  name = 'PlatformFiles1764150000000';

  async up(db: QueryRunner): Promise<void> {
    // Uploaded files with their bytes in the database: the same on PGlite and PostgreSQL, no shared disk
    // between api replicas, one pg_dump for the backup (FileStore explains). Policies cap a file at 20 MB.
    await db.query(`
      CREATE TABLE platform_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 100),
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
        media_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        bytes bytea NOT NULL,
        uploaded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (octet_length(bytes) = size)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE platform_files`);
  }
}
