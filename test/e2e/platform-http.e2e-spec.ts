import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import request from 'supertest';
import { MunicipalityService } from '@chartuloba/platform';
import { UserProvisioningService } from '@chartuloba/identity';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { spawnBuilt, waitForOk } from '../support/spawn-app';

const PASSWORD = 'correct horse battery';

describe('platform HTTP conventions', () => {
  let t: TestApp;
  let staff: string;

  const voterCounts = async () =>
    ((await t.dataSource.query('SELECT count(*)::int AS n FROM platform_voter_counts')) as [{ n: number }])[0]
      .n;
  const post = (body: string | object, type = 'application/json') =>
    request(t.url)
      .post('/api/v1/admin/municipality/voter-counts')
      .auth(staff, { type: 'bearer' })
      .set('content-type', type)
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(MunicipalityService).create('dmanisi', { ka: 'დმანისი', en: 'Dmanisi' }, []);
    await t.app
      .get(UserProvisioningService)
      .create({ email: 'staff@test.ge', displayName: 'Staff', password: PASSWORD, roles: ['staff'] });
    const token = await request(t.url)
      .post('/api/v1/auth/token')
      .send({ login: 'staff@test.ge', password: PASSWORD });
    staff = (token.body as { accessToken: string }).accessToken;
  });
  afterAll(async () => t.close());

  it('accepts a valid request', async () => {
    const response = await post({
      registeredVoters: 20013,
      asOf: '2024-10-26',
      source: 'CEC of Georgia',
    }).expect(201);
    expect(response.body).toMatchObject({ registeredVoters: 20013, asOf: '2024-10-26' });
  });

  it.each([
    ['malformed JSON', '{"registeredVoters": 20013,', undefined],
    [
      'an unknown field',
      { registeredVoters: 1, asOf: '2024-10-26', source: 'CEC', isAdmin: true },
      'isAdmin',
    ],
    ['a wrong type', { registeredVoters: 'many', asOf: '2024-10-26', source: 'CEC' }, 'registeredVoters'],
    ['an over-long string', { registeredVoters: 1, asOf: '2024-10-26', source: 'x'.repeat(301) }, 'source'],
    ['an impossible date', { registeredVoters: 1, asOf: '2024-02-31', source: 'CEC' }, 'asOf'],
    ['a date in the future', { registeredVoters: 1, asOf: '2999-01-01', source: 'CEC' }, 'asOf'],
  ])('answers %s with 400, names the field and changes nothing', async (_case, body, field) => {
    const before = await voterCounts();
    const response = await post(body).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(typeof response.body.message).toBe('string');
    expect(response.body.requestId).toEqual(expect.any(String));
    if (field) {
      expect((response.body.details as Array<{ field: string }>).map((d) => d.field)).toContain(field);
    }
    expect(await voterCounts()).toBe(before);
  });

  it('refuses the staff endpoint without a token, and for a citizen', async () => {
    await request(t.url).post('/api/v1/admin/municipality/voter-counts').send({}).expect(401);
    await t.app
      .get(UserProvisioningService)
      .create({ email: 'citizen@test.ge', displayName: 'Citizen', password: PASSWORD, roles: ['citizen'] });
    const token = await request(t.url)
      .post('/api/v1/auth/token')
      .send({ login: 'citizen@test.ge', password: PASSWORD });
    await request(t.url)
      .post('/api/v1/admin/municipality/voter-counts')
      .auth((token.body as { accessToken: string }).accessToken, { type: 'bearer' })
      .send({ registeredVoters: 1, asOf: '2024-10-26', source: 'CEC' })
      .expect(403);
  });

  it('documents every API route in the OpenAPI document', async () => {
    const document = (await request(t.url).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/municipality', '/api/v1/admin/municipality/voter-counts', '/health']),
    );
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(`${method} ${path}: ${operation.summary ? 'documented' : 'no summary'}`).toBe(
          `${method} ${path}: documented`,
        );
      }
    }
    await request(t.url).get('/api/docs').redirects(1).expect(200);
  });

  it('answers an unknown page with a friendly 404 page and an unknown API route with JSON', async () => {
    const page = await request(t.url).get('/no-such-page').set('accept', 'text/html').expect(404);
    expect(page.text).toContain('<html lang="ka"');
    expect(page.text).toContain('გვერდი ვერ მოიძებნა');
    const api = await request(t.url).get('/api/v1/no-such-thing').expect(404);
    expect(api.body).toMatchObject({ statusCode: 404 });
  });

  it('sends the security headers on pages and API answers alike', async () => {
    for (const path of ['/', '/api/v1/municipality']) {
      const { headers } = await request(t.url).get(path);
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
        'x-frame-options': 'SAMEORIGIN',
        'cross-origin-opener-policy': 'same-origin',
      });
      // Plain http here: no HSTS, which would pin a local portal to https.
      expect(headers['strict-transport-security']).toBeUndefined();
    }
  });
});

/** Waits for an .eml in the embedded outbox whose idempotency key matches; returns its recipient. */
async function mailInOutbox(
  outbox: string,
  keyMatches: (key: string) => boolean,
  timeoutMs = 20_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of existsSync(outbox) ? readdirSync(outbox) : []) {
      const mail = await simpleParser(readFileSync(join(outbox, file)));
      const key = mail.headers.get('x-chartuloba-key');
      if (typeof key === 'string' && keyMatches(key)) {
        return mail.to && !Array.isArray(mail.to) ? mail.to.text : '';
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no such mail in the outbox');
}

describe('embedded durability', () => {
  it('keeps a write acknowledged to the client after the process is killed with SIGKILL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chartuloba-durable-'));
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const env = { PORT: port, DATA_DIR: dataDir };
    const base = `http://127.0.0.1:${port}`;
    try {
      const first = spawnBuilt('api', env);
      await waitForOk(`${base}/health`);
      const registered = await fetch(`${base}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'durable@test.ge', displayName: 'Durable', password: PASSWORD }),
      });
      expect(registered.status).toBe(202);
      first.child.kill('SIGKILL');
      await first.exited;

      const second = spawnBuilt('api', env);
      try {
        await waitForOk(`${base}/health`);
        // The account the first process acknowledged is there: registering the address again makes the
        // portal mail its owner that an account already exists (and never says so over HTTP).
        const again = await fetch(`${base}/api/v1/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'durable@test.ge', displayName: 'Durable', password: PASSWORD }),
        });
        expect(again.status).toBe(202);
        const notice = await mailInOutbox(join(dataDir, 'outbox'), (key) =>
          key.startsWith('identity:exists:'),
        );
        expect(notice).toContain('durable@test.ge');
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
