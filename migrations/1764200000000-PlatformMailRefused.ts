import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlatformMailRefused1764200000000 implements MigrationInterface {
  name = 'PlatformMailRefused1764200000000';

  async up(db: QueryRunner): Promise<void> {
    // When the relay refused a message for good (a 5xx reply): it is not sent again, like a sent one.
    await db.query(`ALTER TABLE platform_mail ADD COLUMN refused_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE platform_mail DROP COLUMN refused_at`);
  }
}
