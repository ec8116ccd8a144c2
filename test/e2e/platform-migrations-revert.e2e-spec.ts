import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { EmbeddedPostgres } from '@chartuloba/platform';
import { createTestDatabase, startTestApp } from '@chartuloba/testing';
import { MIGRATIONS } from '../../migrations';

const HISTORY = 'platform_migrations';

/** Everything the migrations may leave behind in `public`, bar TypeORM's own history table. */
async function leftovers(dataSource: DataSource): Promise<string[]> {
  // Extension members (uuid-ossp, which TypeORM installs on connecting) are not ours to revert.
  const ours = (alias: string) =>
    `n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = ${alias}.oid AND d.deptype = 'e')`;
  const rows = (await dataSource.query(
    `SELECT c.relkind::text || ':' || c.relname AS name FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${ours('c')} AND c.relname NOT LIKE $1
        AND NOT EXISTS (SELECT 1 FROM pg_index i
                         WHERE i.indexrelid = c.oid AND i.indrelid = to_regclass('public.' || $2))
     UNION ALL
     SELECT 'function:' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE ${ours('p')}
     UNION ALL
     SELECT 'type:' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE ${ours('t')} AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0
     ORDER BY 1`,
    [`${HISTORY}%`, HISTORY],
  )) as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

/**
 * Every migration's `down` must undo its `up`: an operator who reverts a release needs it to work, and a
 * down that never ran is a down that fails on the day it is needed.
 */
describe('the migration timeline', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chartuloba-migrations-'));
  let embedded: EmbeddedPostgres | undefined;
  let database: { url: string; drop: () => Promise<void> } | undefined;
  let dataSource: DataSource;

  beforeAll(async () => {
    const common = { type: 'postgres' as const, migrations: MIGRATIONS, migrationsTableName: HISTORY };
    if (process.env.DATABASE_URL) {
      database = await createTestDatabase(process.env.DATABASE_URL);
      dataSource = new DataSource({ ...common, url: database.url });
    } else {
      embedded = await EmbeddedPostgres.shared(dataDir);
      dataSource = new DataSource({
        ...common,
        host: embedded.host,
        port: embedded.port,
        username: 'postgres',
        database: 'postgres',
        extra: { max: 1 },
      });
    }
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    await embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs up, reverts one by one to an empty schema, and runs up again', async () => {
    const untouched = await leftovers(dataSource);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    const migrated = await leftovers(dataSource);
    expect(migrated.length).toBeGreaterThan(untouched.length);

    for (let left = MIGRATIONS.length; left > 0; left--) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      const history = (await dataSource.query(`SELECT count(*)::int AS n FROM ${HISTORY}`)) as Array<{
        n: number;
      }>;
      expect(history[0]?.n).toBe(left - 1);
    }
    expect(await leftovers(dataSource)).toEqual(untouched);

    const again = await dataSource.runMigrations({ transaction: 'each' });
    expect(again.map((m) => m.name)).toEqual(applied.map((m) => m.name));
    expect(await leftovers(dataSource)).toEqual(migrated);
  });
});

describe('the migration timeline under data', () => {
  it('reverts every migration of a portal holding the demo data, uploaded PDFs included', async () => {
    const t = await startTestApp({ demo: true });
    try {
      const files = (await t.dataSource.query('SELECT count(*)::int AS n FROM platform_files')) as Array<{
        n: number;
      }>;
      expect(files[0]?.n).toBeGreaterThan(0);
      for (let left = MIGRATIONS.length; left > 0; left--) {
        await t.dataSource.undoLastMigration({ transaction: 'each' });
      }
      expect(await leftovers(t.dataSource)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
