import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { TransactionRunner } from '../src/database/transaction-runner';

/**
 * The promise the embedded default rests on: PGlite behind its socket server keeps concurrent transactions
 * apart. (The in-process TypeORM driver for PGlite shares one session and keeps rolled-back rows.)
 */
describe('embedded PostgreSQL (PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chartuloba-pglite-'));
  let embedded: EmbeddedPostgres;
  let dataSource: DataSource;

  beforeAll(async () => {
    embedded = await EmbeddedPostgres.shared(dataDir);
    dataSource = new DataSource({
      type: 'postgres',
      host: embedded.host,
      port: embedded.port,
      username: 'postgres',
      database: 'postgres',
      extra: { max: 4 },
    });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE probe (u integer PRIMARY KEY)');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('rolls back each failed transaction among 200 concurrent ones and keeps the rest', async () => {
    const transactions = new TransactionRunner(dataSource);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        transactions.run(async (manager) => {
          await manager.query('INSERT INTO probe (u) VALUES ($1)', [i]);
          await new Promise((resolve) => setTimeout(resolve, 2));
          if (i % 2 === 1) {
            throw new Error('rollback');
          }
        }),
      ),
    );
    const rows = (await dataSource.query('SELECT u FROM probe')) as Array<{ u: number }>;
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(100);
    expect(rows).toHaveLength(100);
    expect(rows.filter((row) => row.u % 2 === 1)).toHaveLength(0);
  });

  it('runs after-commit work only for transactions that committed', async () => {
    const transactions = new TransactionRunner(dataSource);
    const ran: string[] = [];
    await transactions.run(async () => transactions.afterCommit(() => void ran.push('committed')));
    await transactions
      .run(async () => {
        transactions.afterCommit(() => void ran.push('rolled back'));
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(ran).toEqual(['committed']);
  });
});
