import { createHash } from 'node:crypto';
import request from 'supertest';
import { minimalPdf } from '@chartuloba/platform';
import { UserProvisioningService } from '@chartuloba/identity';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { binary, PageClient, submitMultipart } from '../support/pages';

const PASSWORD = 'correct horse battery';
const DAY = 24 * 60 * 60 * 1000;
const GEORGIAN_NAME = 'დღის წესრიგი.pdf';

describe('council documents uploaded as files', () => {
  let t: TestApp;
  let token: string;
  let staffPages: PageClient;
  let bodyId: string;
  let announcedId: string;
  let draftId: string;

  const api = () => ({
    post: (path: string, body: object = {}) =>
      request(t.url).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  });

  async function storedFiles(): Promise<number> {
    const rows = (await t.dataSource.query('SELECT count(*)::int AS n FROM platform_files')) as Array<{
      n: number;
    }>;
    return rows[0]?.n ?? -1;
  }

  async function planSession(title: string, startsAt: Date): Promise<string> {
    const response = await api()
      .post(`/admin/councils/${bodyId}/sessions`, { title: { en: title }, startsAt: startsAt.toISOString() })
      .expect(201);
    return (response.body as { id: string }).id;
  }

  const manage = (id: string) => `/admin/councils/sessions/${id}`;

  async function uploadOnPage(sessionId: string, bytes: Buffer, filename: string, title = 'Agenda') {
    return submitMultipart(
      staffPages,
      manage(sessionId),
      `${manage(sessionId)}/documents`,
      { 'docTitle.en': title },
      [{ field: 'docFile', bytes, filename }],
    );
  }

  function documentLinks(html: string): string[] {
    return [...html.matchAll(/href="(\/councils\/documents\/[0-9a-f-]+)"/g)].map((m) => m[1] ?? '');
  }

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
    bodyId = (
      (
        await api()
          .post('/admin/councils', { slug: 'sakrebulo', kind: 'sakrebulo', name: { en: 'Sakrebulo' } })
          .expect(201)
      ).body as { id: string }
    ).id;
    announcedId = await planSession('Budget session', new Date(Date.now() + 10 * DAY));
    await api().post(`/admin/councils/sessions/${announcedId}/announce`).expect(201);
    draftId = await planSession('Draft session', new Date(Date.now() + 20 * DAY));
    staffPages = new PageClient(t.url);
    await staffPages.get('/locale/en?back=/');
    expect((await staffPages.submit('/sign-in', { login: 'staff@test.ge', password: PASSWORD })).status).toBe(
      303,
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('takes a PDF through the staff form and lets a visitor download it byte for byte', async () => {
    const pdf = minimalPdf(['Agenda of the budget session', '1. The 2026 budget']);
    const posted = await uploadOnPage(announcedId, pdf, GEORGIAN_NAME);
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(manage(announcedId));

    const page = await request(t.url).get(`/councils/sessions/${announcedId}`).set('accept', 'text/html');
    expect(page.text).toContain('Agenda');
    expect(page.text).toContain(`(PDF, ${pdf.length} B)`);
    const [link] = documentLinks(page.text);
    expect(link).toBeDefined();

    const download = await request(t.url)
      .get(link ?? '')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="____ _______.pdf"; filename*=UTF-8''${encodeURIComponent(GEORGIAN_NAME)}`,
      'x-content-type-options': 'nosniff',
      etag: `"${sha}"`,
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(download.headers['content-security-policy']).toContain("default-src 'none'");
    expect(download.headers['content-security-policy']).toContain('sandbox');
    await request(t.url)
      .get(link ?? '')
      .set('if-none-match', `"${sha}"`)
      .expect(304);
  });

  it('refuses a file that claims to be a PDF but is not, next to the field, storing nothing', async () => {
    const before = await storedFiles();
    const fake = Buffer.from('<html><body><script>alert(1)</script></body></html>');
    const posted = await uploadOnPage(announcedId, fake, 'agenda.pdf');
    expect(posted.status).toBe(400);
    expect(posted.text).toContain('id="docFile-error"');
    expect(posted.text).toContain('This file is not accepted: only PDF files are');
    expect(posted.text).toMatch(/aria-describedby="docFile-hint docFile-error"/);
    expect(posted.text).toContain('value="Agenda"');
    expect(await storedFiles()).toBe(before);
  });

  it('refuses an oversize upload cleanly and stores nothing', async () => {
    const before = await storedFiles();
    const huge = Buffer.concat([minimalPdf(['Annex']), Buffer.alloc(20 * 1024 * 1024 + 1, 0x20)]);
    const posted = await uploadOnPage(announcedId, huge, 'annex.pdf');
    expect(posted.status).toBe(400);
    expect(posted.text).toContain('The file is larger than 20 MB');
    expect(posted.text).toContain('id="docFile-error"');
    expect(await storedFiles()).toBe(before);
    // More file parts than any form has: the parser's limit, answered through the error filter.
    const tooMany = await request(t.url)
      .post(`/api/v1/admin/councils/sessions/${announcedId}/documents`)
      .auth(token, { type: 'bearer' })
      .field('title.en', 'Three')
      .attach('a', minimalPdf(['a']), 'a.pdf')
      .attach('b', minimalPdf(['b']), 'b.pdf')
      .attach('file', minimalPdf(['c']), 'c.pdf');
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ statusCode: 413 });
    expect(await storedFiles()).toBe(before);
  });

  it('keeps the documents of a draft session from visitors until it is announced', async () => {
    const uploaded = await request(t.url)
      .post(`/api/v1/admin/councils/sessions/${draftId}/documents`)
      .auth(token, { type: 'bearer' })
      .field('title.en', 'Draft decision')
      .attach('file', minimalPdf(['Draft decision']), 'draft.pdf')
      .expect(201);
    const { id, downloadUrl } = uploaded.body as { id: string; downloadUrl: string };
    expect(downloadUrl).toBe(`/councils/documents/${id}`);
    await request(t.url).get(downloadUrl).expect(404);
    const publicPage = await request(t.url).get(`/councils/sessions/${draftId}`).set('accept', 'text/html');
    expect(publicPage.text).not.toContain('Draft decision');
    expect(
      (
        (await request(t.url).get(`/api/v1/councils/sessions/${draftId}`).expect(200)).body as {
          documents: unknown[];
        }
      ).documents,
    ).toEqual([]);
    // Staff read it from the session's staff page, never through shared caches.
    const staffCopy = await staffPages.agent.get(`${manage(draftId)}/documents/${id}`).expect(200);
    expect(staffCopy.headers['cache-control']).toBe('private, no-store');

    await api().post(`/admin/councils/sessions/${draftId}/announce`).expect(201);
    await request(t.url).get(downloadUrl).expect(200);
  });

  it('takes an upload on the API with a bearer token, with field-level refusals', async () => {
    const pdf = minimalPdf(['Annex 2']);
    const ok = await request(t.url)
      .post(`/api/v1/admin/councils/sessions/${announcedId}/documents`)
      .auth(token, { type: 'bearer' })
      .field('title.ka', 'დანართი 2')
      .attach('file', pdf, { filename: 'annex-2.pdf', contentType: 'text/plain' })
      .expect(201);
    expect(ok.body).toMatchObject({
      sessionId: announcedId,
      title: { ka: 'დანართი 2' },
      filename: 'annex-2.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    const wrong = await request(t.url)
      .post(`/api/v1/admin/councils/sessions/${announcedId}/documents`)
      .auth(token, { type: 'bearer' })
      .field('title.en', 'Photo')
      .attach('file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'photo.pdf')
      .expect(400);
    expect(wrong.body).toMatchObject({
      code: 'platform.file-type-refused',
      details: [expect.objectContaining({ field: 'file' })],
    });
    const missing = await api()
      .post(`/admin/councils/sessions/${announcedId}/documents`, { title: { en: 'No file' } })
      .expect(400);
    expect(missing.body).toMatchObject({ code: 'platform.file-missing' });
    await request(t.url)
      .post(`/api/v1/admin/councils/sessions/${announcedId}/documents`)
      .field('title.en', 'Anonymous')
      .attach('file', pdf, 'x.pdf')
      .expect(401);
  });

  it('lets staff remove a wrong upload before the session is held, audited', async () => {
    const before = await storedFiles();
    expect(
      (await uploadOnPage(announcedId, minimalPdf(['Wrong file']), 'wrong.pdf', 'Wrong one')).status,
    ).toBe(303);
    const view = (await request(t.url).get(`/api/v1/councils/sessions/${announcedId}`).expect(200)).body as {
      documents: Array<{ id: string; title: { en?: string } }>;
    };
    const wrong = view.documents.find((d) => d.title.en === 'Wrong one');
    expect(wrong).toBeDefined();
    const removed = await staffPages.submit(
      manage(announcedId),
      {},
      `${manage(announcedId)}/documents/${wrong?.id ?? ''}/remove`,
    );
    expect(removed.status).toBe(303);
    await request(t.url)
      .get(`/councils/documents/${wrong?.id ?? ''}`)
      .expect(404);
    expect(await storedFiles()).toBe(before);
    const audit = (await t.dataSource.query(
      `SELECT action FROM platform_audit_log WHERE subject_id = $1 AND action LIKE 'councils.document-%' ORDER BY id`,
      [announcedId],
    )) as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toContain('councils.document-removed');
  });

  it('refuses to remove a paper once the session is held, on the staff page and the API (409)', async () => {
    const heldId = await planSession('Held session', new Date(Date.now() - 2 * DAY));
    const uploaded = await request(t.url)
      .post(`/api/v1/admin/councils/sessions/${heldId}/documents`)
      .auth(token, { type: 'bearer' })
      .field('title.en', 'Decision draft')
      .attach('file', minimalPdf(['Decision draft']), 'decision.pdf')
      .expect(201);
    const { id, downloadUrl } = uploaded.body as { id: string; downloadUrl: string };
    await api()
      .post(`/admin/councils/sessions/${heldId}/minutes`, { text: { en: 'Minutes' }, presentMemberIds: [] })
      .expect(201);
    const before = await storedFiles();

    const onApi = await request(t.url)
      .delete(`/api/v1/admin/councils/sessions/${heldId}/documents/${id}`)
      .auth(token, { type: 'bearer' })
      .expect(409);
    expect(onApi.body).toMatchObject({
      code: 'councils.documents-kept',
      message: expect.stringContaining('part of the record') as unknown,
    });

    const onPage = await staffPages.submit(manage(heldId), {}, `${manage(heldId)}/documents/${id}/remove`);
    expect(onPage.status).toBe(409);
    expect(onPage.text).toContain(
      'The session has been held: its papers are part of the record and can no longer be removed.',
    );
    expect(onPage.text).toContain('href="#documents"');

    expect(await storedFiles()).toBe(before);
    await request(t.url).get(downloadUrl).expect(200);
  });

  it('publishes a yearly report with its PDF from the staff page, shown and downloadable on the report page', async () => {
    const createReport = async (title: string) =>
      (
        (
          await api()
            .post(`/admin/councils/${bodyId}/reports`, {
              kind: 'body-yearly',
              year: 2025,
              presenter: 'Chair',
              title: { en: title },
              announce: true,
            })
            .expect(201)
        ).body as { id: string }
      ).id;
    const reportId = await createReport('Yearly report 2025');
    const bodyPage = `/admin/councils/${bodyId}`;
    const publish = `${bodyPage}/reports/${reportId}/publish`;
    const before = await storedFiles();

    const fake = await submitMultipart(
      staffPages,
      bodyPage,
      publish,
      { [`report-${reportId}.en`]: 'Our year' },
      [{ field: 'reportPdf', bytes: Buffer.from('GIF89a not a pdf'), filename: 'report.pdf' }],
    );
    expect(fake.status).toBe(400);
    expect(fake.text).toContain(`id="reportPdf-${reportId}-error"`);
    expect(fake.text).toContain('This file is not accepted: only PDF files are');
    expect(await storedFiles()).toBe(before);

    const pdf = minimalPdf(['Yearly report 2025', 'Sessions held: 12']);
    const posted = await submitMultipart(
      staffPages,
      bodyPage,
      publish,
      { [`report-${reportId}.en`]: 'Our year' },
      [{ field: 'reportPdf', bytes: pdf, filename: 'report-2025.pdf' }],
    );
    expect(posted.status).toBe(303);
    expect(await storedFiles()).toBe(before + 1);

    const page = await request(t.url)
      .get(`/councils/reports/${reportId}`)
      .set('accept', 'text/html')
      .expect(200);
    expect(page.text).toContain('Our year');
    expect(page.text).toContain(`href="/councils/reports/${reportId}/document.pdf"`);
    expect(page.text).toContain('ანგარიშის დოკუმენტი (PDF)');
    expect(page.text).toContain(`(${pdf.length} B)`);
    const download = await request(t.url)
      .get(`/councils/reports/${reportId}/document.pdf`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
    expect(download.headers['content-type']).toBe('application/pdf');
    const json = (await request(t.url).get(`/api/v1/councils/reports/${reportId}`).expect(200)).body as {
      downloadUrl: string | null;
    };
    expect(json.downloadUrl).toBe(`/councils/reports/${reportId}/document.pdf`);

    // A report published with a link (as before uploads) still shows it, and has no download.
    const linkedId = await createReport('Yearly report 2024');
    await api()
      .post(`/admin/councils/reports/${linkedId}/publish`, {
        text: { en: 'The year before' },
        url: 'https://dmanisi.gov.ge/report-2024.pdf',
      })
      .expect(201);
    const linked = await request(t.url).get(`/councils/reports/${linkedId}`).set('accept', 'text/html');
    expect(linked.text).toContain('href="https://dmanisi.gov.ge/report-2024.pdf"');
    await request(t.url).get(`/councils/reports/${linkedId}/document.pdf`).expect(404);
  });

  it('publishes a yearly report with its PDF on the API with a bearer token, with field-level refusals', async () => {
    const reportId = (
      (
        await api()
          .post(`/admin/councils/${bodyId}/reports`, {
            kind: 'body-yearly',
            year: 2026,
            presenter: 'Chair',
            title: { en: 'Yearly report 2026' },
            announce: true,
          })
          .expect(201)
      ).body as { id: string }
    ).id;
    const publish = `/api/v1/admin/councils/reports/${reportId}/publish-with-document`;
    const before = await storedFiles();

    const wrong = await request(t.url)
      .post(publish)
      .auth(token, { type: 'bearer' })
      .field('text.en', 'Our year')
      .attach('file', Buffer.from('GIF89a not a pdf'), 'report.pdf')
      .expect(400);
    expect(wrong.body).toMatchObject({
      code: 'platform.file-type-refused',
      details: [expect.objectContaining({ field: 'file' })],
    });
    const missing = await request(t.url)
      .post(publish)
      .auth(token, { type: 'bearer' })
      .field('text.en', 'Our year')
      .attach('other', minimalPdf(['x']), 'x.pdf')
      .expect(400);
    expect(missing.body).toMatchObject({ code: 'platform.file-missing' });
    const pdf = minimalPdf(['Yearly report 2026']);
    await request(t.url).post(publish).field('text.en', 'Our year').attach('file', pdf, 'r.pdf').expect(401);
    expect(await storedFiles()).toBe(before);
    const unpublished = (await request(t.url).get(`/api/v1/councils/reports/${reportId}`).expect(200))
      .body as { publishedAt: string | null };
    expect(unpublished.publishedAt).toBeNull();

    const posted = await request(t.url)
      .post(publish)
      .auth(token, { type: 'bearer' })
      .field('text.ka', 'ჩვენი წელი')
      .field('text.en', 'Our year')
      .attach('file', pdf, { filename: 'report-2026.pdf', contentType: 'text/plain' })
      .expect(201);
    expect(posted.body).toMatchObject({ id: reportId, text: { ka: 'ჩვენი წელი', en: 'Our year' } });
    expect(await storedFiles()).toBe(before + 1);
    const json = (await request(t.url).get(`/api/v1/councils/reports/${reportId}`).expect(200)).body as {
      publishedAt: string | null;
      downloadUrl: string | null;
    };
    expect(json.publishedAt).not.toBeNull();
    expect(json.downloadUrl).toBe(`/councils/reports/${reportId}/document.pdf`);
    const download = await request(t.url)
      .get(`/councils/reports/${reportId}/document.pdf`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
  });
});
