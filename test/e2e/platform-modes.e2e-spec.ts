import { get } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, AddressInfo } from 'node:net';
import { spawnBuilt, waitForOk } from '../support/spawn-app';
import { createTestDatabase } from '@chartuloba/testing';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('the built portal, started as npm start starts it', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'chartuloba-start-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('runs embedded with no DATABASE_URL or REDIS_URL: migrations on PGlite, demo data, /health 200', async () => {
    const port = await freePort();
    const app = spawnBuilt('api', { PORT: String(port), DATA_DIR: tempDir() });
    try {
      const health = await waitForOk(`http://127.0.0.1:${port}/health`);
      const body = (await health.json()) as { status: string; mode: Record<string, string> };
      expect(body.status).toBe('ok');
      expect(body.mode).toEqual({ database: 'pglite', queue: 'inline', mail: 'outbox' });
      const municipality = (await (await fetch(`http://127.0.0.1:${port}/api/v1/municipality`)).json()) as {
        slug: string;
        voterCount: { registeredVoters: number };
      };
      expect(municipality.slug).toBe('dmanisi');
      expect(municipality.voterCount.registeredVoters).toBeGreaterThan(0);
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
    }
  });

  const servers = process.env.DATABASE_URL && process.env.REDIS_URL ? it : it.skip;
  servers('uses PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set, and says so', async () => {
    const database = await createTestDatabase(process.env.DATABASE_URL ?? '');
    const port = await freePort();
    const app = spawnBuilt('api', {
      PORT: String(port),
      DATA_DIR: tempDir(),
      DATABASE_URL: database.url,
      REDIS_URL: process.env.REDIS_URL ?? '',
      APP_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      API_PROCESSES: '2',
      LOG_LEVEL: 'info',
    });
    try {
      const body = (await (await waitForOk(`http://127.0.0.1:${port}/health`)).json()) as {
        mode: Record<string, string>;
        details: Record<string, { status: string }>;
      };
      expect(body.mode).toEqual({ database: 'postgres', queue: 'bullmq', mail: 'outbox' });
      expect(body.details.redis?.status).toBe('up');
      // Demo data never goes silently into a real database.
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/municipality`)).status).toBe(404);

      // Both api processes serve the one port, and request logs carry no credentials.
      for (let i = 0; i < 100 && !app.output().includes('with 2 api processes'); i += 1) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(app.output()).toContain('with 2 api processes');
      // A connection each: the cluster hands out connections, not requests.
      for (let i = 0; i < 20; i += 1) {
        await new Promise<void>((done, fail) =>
          get(
            `http://127.0.0.1:${port}/api/v1/petitions`,
            {
              agent: false,
              headers: { authorization: 'Bearer secret-token-1234', cookie: 'sid=secret-cookie-5678' },
            },
            (response) => response.resume().on('end', done),
          ).on('error', fail),
        );
      }
      await new Promise((r) => setTimeout(r, 300));
      const served = app
        .output()
        .split('\n')
        .filter((line) => line.includes('"url":"/api/v1/petitions"'))
        .map((line) => (JSON.parse(line) as { pid: number }).pid);
      expect(served).toHaveLength(20);
      expect(new Set(served).size).toBe(2);
      expect(app.output()).not.toMatch(/secret-token-1234|secret-cookie-5678/);
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
      await database.drop();
    }
  });

  it('stops at start-up with one line naming a malformed variable', async () => {
    const app = spawnBuilt('api', { PORT: 'eighty', DATA_DIR: tempDir() });
    expect(await app.exited).toBe(78);
    expect(app.output()).toMatch(/^Invalid configuration: PORT .*\n$/);
  });
});
