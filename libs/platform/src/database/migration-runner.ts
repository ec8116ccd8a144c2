import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DataSource } from 'typeorm';

// Several api replicas may start at once: one advisory lock makes them take turns at migrating.
const MIGRATION_LOCK = 7_301_124;

@Injectable()
export class MigrationRunner {
  private readonly logger = new Logger(MigrationRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async migrate(): Promise<string[]> {
    return this.withLock(async () => {
      const applied = await this.dataSource.runMigrations({ transaction: 'each' });
      for (const migration of applied) {
        this.logger.log(`applied migration ${migration.name}`);
      }
      return applied.map((migration) => migration.name);
    });
  }

  async revertLast(): Promise<void> {
    await this.withLock(() => this.dataSource.undoLastMigration({ transaction: 'each' }));
  }

  async pending(): Promise<boolean> {
    return this.dataSource.showMigrations();
  }

  private async withLock<T>(work: () => Promise<T>): Promise<T> {
    // Embedded PGlite belongs to one process and has a single pool connection: no one to take turns with,
    // and holding the lock on a second connection would wait for the pool forever.
    if (this.config.mode.database === 'pglite') {
      return work();
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }
}
