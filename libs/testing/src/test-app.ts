import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AppConfig, JobDispatcher, loadConfig } from '@chartuloba/platform';
import { createApiApp } from '../../../apps/api/src/bootstrap';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { SmtpCatcher } from './smtp-catcher';
import { createTestDatabase } from './test-database';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface TestAppOptions {
  /** `env`: real PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set, else embedded. `embedded`: always PGlite + inline. */
  mode?: 'env' | 'embedded';
  env?: Record<string, string>;
  /** Seed the demo data (municipality, accounts…). Off by default: tests arrange their own data. */
  demo?: boolean;
}

export interface TestApp {
  app: NestFastifyApplication;
  worker?: INestApplicationContext;
  url: string;
  config: AppConfig;
  smtp: SmtpCatcher;
  dataSource: DataSource;
  /** Runs or hands off every due job and waits for it (inline mode), so tests need no sleeps. */
  drainJobs(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Boots the real api (and, with Redis, a real worker) on a fresh database with an SMTP catcher, listening
 * on a random local port: what e2e and browser tests talk to.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const smtp = await new SmtpCatcher().start();
  const dataDir = mkdtempSync(join(tmpdir(), 'chartuloba-test-'));
  const embedded = options.mode === 'embedded' || !process.env.DATABASE_URL;
  const database = embedded ? undefined : await createTestDatabase(process.env.DATABASE_URL ?? '');
  const redisUrl = embedded ? undefined : process.env.REDIS_URL;
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    APP_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    SMTP_URL: smtp.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO_SEED: options.demo ? 'always' : 'never',
    QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    ...options.env,
  });
  const app = await createApiApp(config);
  await app.listen({ port, host: '127.0.0.1' });
  const worker = config.redisUrl
    ? await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false })
    : undefined;
  await worker?.init();
  return {
    app,
    worker,
    url: config.publicUrl,
    config,
    smtp,
    dataSource: app.get(DataSource),
    drainJobs: async () => {
      await app.get(JobDispatcher).drain();
    },
    close: async () => {
      await worker?.close();
      await app.close();
      await smtp.stop();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
