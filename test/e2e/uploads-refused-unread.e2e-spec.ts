import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { minimalPdf } from '@chartuloba/platform';
import { UserProvisioningService } from '@chartuloba/identity';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { csrfOf, PageClient } from '../support/pages';

const PASSWORD = 'correct horse battery';
const BOUNDARY = 'chartulobaBoundary';
const DECLARED_BYTES = 40 * 1024 * 1024;

interface EarlyAnswer {
  status: number | undefined;
  body: string;
  /** Bytes of the body the client had sent when the answer arrived. */
  sentBytes: number;
}

/**
 * Starts a multipart upload that declares 40 MB but sends only its first part, and waits for an answer:
 * one that arrives anyway was given without reading the body. Undefined when none came within `waitMs`.
 */
function partialUpload(
  url: string,
  path: string,
  headers: Record<string, string>,
  waitMs = 3000,
): Promise<EarlyAnswer | undefined> {
  const preamble = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const outgoing = httpRequest(target, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': String(DECLARED_BYTES),
      },
    });
    const timer = setTimeout(() => {
      outgoing.destroy();
      resolve(undefined);
    }, waitMs);
    outgoing.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        clearTimeout(timer);
        outgoing.destroy();
        resolve({
          status: response.statusCode,
          body: Buffer.concat(chunks).toString('utf8'),
          sentBytes: preamble.length,
        });
      });
    });
    outgoing.write(preamble);
  });
}

describe('multipart bodies refused before they are read', () => {
  let t: TestApp;
  let token: string;
  let sessionId: string;

  async function storedFiles(): Promise<number> {
    const rows = (await t.dataSource.query('SELECT count(*)::int AS n FROM platform_files')) as Array<{
      n: number;
    }>;
    return rows[0]?.n ?? -1;
  }

  const documentsPage = () => `/admin/councils/sessions/${sessionId}/documents`;
  const documentsApi = () => `/api/v1/admin/councils/sessions/${sessionId}/documents`;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(UserProvisioningService).create({
      email: 'staff@test.ge',
      displayName: 'Staff',
      password: PASSWORD,
      roles: ['staff'],
    });
    token = (
      (await request(t.url).post('/api/v1/auth/token').send({ login: 'staff@test.ge', password: PASSWORD }))
        .body as { accessToken: string }
    ).accessToken;
    const bodyId = (
      (
        await request(t.url)
          .post('/api/v1/admin/councils')
          .auth(token, { type: 'bearer' })
          .send({ slug: 'sakrebulo', kind: 'sakrebulo', name: { en: 'Sakrebulo' } })
          .expect(201)
      ).body as { id: string }
    ).id;
    sessionId = (
      (
        await request(t.url)
          .post(`/api/v1/admin/councils/${bodyId}/sessions`)
          .auth(token, { type: 'bearer' })
          .send({ title: { en: 'Budget session' }, startsAt: new Date(Date.now() + 864e6).toISOString() })
          .expect(201)
      ).body as { id: string }
    ).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers an anonymous API upload 401 without waiting for its 40 MB body', async () => {
    const before = await storedFiles();
    const answer = await partialUpload(t.url, documentsApi(), { accept: 'application/json' });
    expect(answer?.status).toBe(401);
    expect(JSON.parse(answer?.body ?? '{}')).toMatchObject({ code: 'platform.sign-in-required' });
    expect(answer?.sentBytes).toBeLessThan(1024);
    expect(await storedFiles()).toBe(before);
  });

  it('answers an anonymous or forged-cookie page upload with the sign-in page, unread', async () => {
    const before = await storedFiles();
    for (const cookie of [undefined, 'sid=forged-session-id', 'sid=forged.c2lnbmF0dXJl']) {
      const answer = await partialUpload(t.url, documentsPage(), {
        accept: 'text/html',
        cookie: cookie ? `locale=en; ${cookie}` : 'locale=en',
      });
      expect(answer?.status).toBe(401);
      expect(answer?.body).toContain('Please sign in to send files');
      expect(answer?.body).toContain('href="/sign-in?next=');
    }
    expect(await storedFiles()).toBe(before);
  });

  it('links sign-in back to the form’s page, not to the address that takes only the post', async () => {
    const formPage = `/admin/councils/sessions/${sessionId}`;
    const next = (path: string) => `href="/sign-in?next=${encodeURIComponent(path)}"`;
    const fromForm = await partialUpload(t.url, documentsPage(), {
      accept: 'text/html',
      cookie: 'locale=en',
      referer: `${t.url}${formPage}?tab=papers`,
    });
    expect(fromForm?.status).toBe(401);
    expect(fromForm?.body).toContain(next(`${formPage}?tab=papers`));
    expect(fromForm?.body).not.toContain(next(documentsPage()));

    // Another site's page, or none, is no page of ours to return to.
    for (const referer of ['https://elsewhere.example/admin/councils', undefined]) {
      const answer = await partialUpload(t.url, documentsPage(), {
        accept: 'text/html',
        cookie: 'locale=en',
        ...(referer ? { referer } : {}),
      });
      expect(answer?.status).toBe(401);
      expect(answer?.body).toContain(next('/'));
      expect(answer?.body).not.toContain(next(documentsPage()));
    }

    // Browsers send that Referer on same-origin posts only because the pages ask them to.
    const page = await request(t.url).get('/councils').expect(200);
    expect(page.headers['referrer-policy']).toBe('same-origin');
  });

  it('does read an upload that carries a bearer token (the gate, not the route, answered above)', async () => {
    const answer = await partialUpload(t.url, documentsApi(), { authorization: `Bearer ${token}` }, 700);
    expect(answer).toBeUndefined();
  });

  it('answers 415 to a multipart body on a route that takes no uploads, signed in or not', async () => {
    const before = await storedFiles();
    const api = await request(t.url)
      .post('/api/v1/admin/councils')
      .auth(token, { type: 'bearer' })
      .field('slug', 'advisory')
      .attach('file', minimalPdf(['x']), 'x.pdf')
      .expect(415);
    expect(api.body).toMatchObject({ statusCode: 415, code: 'platform.multipart-not-accepted' });
    const unread = await partialUpload(t.url, '/api/v1/auth/token', {});
    expect(unread?.status).toBe(415);

    const staff = new PageClient(t.url);
    await staff.get('/locale/en?back=/');
    expect((await staff.submit('/sign-in', { login: 'staff@test.ge', password: PASSWORD })).status).toBe(303);
    const manage = await staff.get(`/admin/councils/sessions/${sessionId}`);
    const page = await staff.agent
      .post(`/admin/councils/sessions/${sessionId}/agenda`)
      .set('accept', 'text/html')
      .field('_csrf', csrfOf(manage.text))
      .field('itemTitle.en', 'Roads')
      .attach('file', minimalPdf(['x']), 'x.pdf');
    expect(page.status).toBe(415);
    expect(page.text).toContain('This kind of form is not accepted here');
    expect(await storedFiles()).toBe(before);

    // The same signed-in staff member may upload on the route that takes files.
    const upload = await staff.agent
      .post(documentsPage())
      .set('accept', 'text/html')
      .field('_csrf', csrfOf(manage.text))
      .field('docTitle.en', 'Agenda')
      .attach('docFile', minimalPdf(['Agenda']), 'agenda.pdf');
    expect(upload.status).toBe(303);
    expect(await storedFiles()).toBe(before + 1);
  });
});
