import { createHash } from 'node:crypto';
import request from 'supertest';
import { UserProvisioningService } from '@chartuloba/identity';
import { minimalPdf, MunicipalityService } from '@chartuloba/platform';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { bearerToken, binary, PageClient, submitMultipart } from '../support/pages';
import { solidPng } from '../support/png';

const PASSWORD = 'correct horse battery';

interface Cycle {
  id: string;
  districts: { id: string }[];
  projects: { id: string; code: string; title: Record<string, string> }[];
}

describe('budgeting proposal attachments and implementation photos as uploads', () => {
  let t: TestApp;
  let staffToken: string;
  let elvinToken: string;
  let elvin: PageClient;
  let staff: PageClient;
  let irganchai: string;

  const bearerFor = (login: string) => bearerToken(t.url, login, PASSWORD);
  const post = (token: string, path: string, body: object = {}) =>
    request(t.url).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body);
  const cycleOf = async (id: string) =>
    (await request(t.url).get(`/api/v1/budgeting/cycles/${id}`).expect(200)).body as Cycle;
  async function newCycle(): Promise<Cycle> {
    const created = await post(staffToken, '/admin/budgeting/cycles', {
      title: { en: 'Irganchai budget' },
      rules: { en: 'Residents vote.' },
      totalBudget: 50_000,
      districtBudgets: [{ settlementId: irganchai, budget: 50_000 }],
      ballotType: 'approval',
      outcomeRule: 'greedy',
    }).expect(201);
    return cycleOf((created.body as { id: string }).id);
  }
  async function storedFiles(): Promise<number> {
    const rows = (await t.dataSource.query('SELECT count(*)::int AS n FROM platform_files')) as {
      n: number;
    }[];
    return rows[0]?.n ?? -1;
  }
  const download = (path: string) => request(t.url).get(path).buffer(true).parse(binary);
  const imagesIn = (html: string) => [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
  const hrefOf = (img: string) => /src="([^"]+)"/.exec(img)?.[1] ?? '';

  /** A published cycle whose one project, by Elvin, won: ready for implementation updates. */
  async function fundedProject(title: string): Promise<{ c: Cycle; projectId: string }> {
    const c = await newCycle();
    const districtId = c.districts[0]!.id;
    const created = await post(elvinToken, `/budgeting/cycles/${c.id}/projects`, {
      districtId,
      title: { en: title },
      description: { en: title },
      estimatedCost: 20_000,
    }).expect(201);
    const projectId = (created.body as { id: string }).id;
    const advance = () => post(staffToken, `/admin/budgeting/cycles/${c.id}/advance`).expect(200);
    await advance();
    await post(staffToken, `/admin/budgeting/projects/${projectId}/review`, {
      decision: 'shortlist',
      feasible: true,
      legal: true,
      costEstimate: 20_000,
    }).expect(200);
    await advance();
    await post(elvinToken, `/budgeting/cycles/${c.id}/ballot`, {
      districtId,
      choices: [{ projectId }],
    }).expect(201);
    await advance();
    await advance();
    return { c, projectId };
  }

  function proposeOnPage(cycleId: string, title: string, files: { bytes: Buffer; filename: string }[]) {
    const district = `/budgeting/${cycleId}/propose`;
    return async (districtId: string, caption = '') =>
      submitMultipart(
        elvin,
        district,
        district,
        {
          'title.en': title,
          'description.en': `${title}, please.`,
          districtId,
          estimatedCost: '9000',
          attachmentCaption: caption,
        },
        files.map((f) => ({ field: 'attachment', ...f, contentType: 'image/png' })),
      );
  }

  beforeAll(async () => {
    t = await startTestApp();
    const municipality = t.app.get(MunicipalityService);
    await municipality.create('dmanisi', { ka: 'დმანისი', en: 'Dmanisi' }, [
      { slug: 'irganchai', kind: 'village', name: { ka: 'ირგანჩაი', en: 'Irganchai' } },
    ]);
    irganchai = (await municipality.settlements())[0]!.id;
    const provisioning = t.app.get(UserProvisioningService);
    await provisioning.create({
      email: 'staff@test.ge',
      displayName: 'Staff',
      password: PASSWORD,
      roles: ['staff'],
    });
    staffToken = await bearerFor('staff@test.ge');
    const user = await provisioning.create({
      email: 'elvin@test.ge',
      displayName: 'Elvin',
      password: PASSWORD,
      roles: [],
    });
    await post(staffToken, `/admin/accounts/${user.id}/residency`, {
      personalNumber: '02002000071',
      settlementId: irganchai,
      birthYear: 1985,
    }).expect(204);
    elvinToken = await bearerFor('elvin@test.ge');
    elvin = new PageClient(t.url);
    staff = new PageClient(t.url);
    for (const [client, login] of [
      [elvin, 'elvin@test.ge'],
      [staff, 'staff@test.ge'],
    ] as const) {
      await client.get('/locale/en?back=/');
      expect((await client.submit('/sign-in', { login, password: PASSWORD })).status).toBe(303);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('takes a photo with the proposal form and lets a visitor see and download it byte for byte', async () => {
    const c = await newCycle();
    const photo = solidPng(640, 480);
    const posted = await proposeOnPage(c.id, 'Bus shelter', [{ bytes: photo, filename: 'shelter.png' }])(
      c.districts[0]!.id,
      'The bus stop today',
    );
    expect(posted.status).toBe(303);
    const project = (await cycleOf(c.id)).projects.find((p) => p.title.en === 'Bus shelter')!;

    const page = await request(t.url).get(`/budgeting/projects/${project.id}`).set('cookie', 'locale=en');
    const [img] = imagesIn(page.text);
    expect(img).toContain('alt="The bus stop today"');
    expect(img).toContain('loading="lazy"');
    // A thumbnail box keeps the proportions of the 640×480 picture, so nothing jumps when it arrives.
    expect(img).toContain('width="240"');
    expect(img).toContain('height="180"');
    expect(page.text).not.toContain('data:image');

    const got = await download(hrefOf(img ?? '')).expect(200);
    expect(Buffer.compare(got.body as Buffer, photo)).toBe(0);
    const sha = createHash('sha256').update(photo).digest('hex');
    expect(got.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      etag: `"${sha}"`,
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(got.headers['content-security-policy']).toContain('sandbox');
    await request(t.url)
      .get(hrefOf(img ?? ''))
      .set('if-none-match', `"${sha}"`)
      .expect(304);
  });

  it('refuses a disguised file next to its field, storing neither the file nor the proposal', async () => {
    const c = await newCycle();
    const before = await storedFiles();
    const fake = Buffer.from('<html><script>alert(1)</script></html>');
    const posted = await proposeOnPage(c.id, 'Playground', [{ bytes: fake, filename: 'site.png' }])(
      c.districts[0]!.id,
    );
    expect(posted.status).toBe(400);
    expect(posted.text).toContain('id="attachment-error"');
    expect(posted.text).toContain('This file is not accepted: only PDF, JPEG, PNG, WebP files are');
    expect(posted.text).toMatch(/aria-describedby="attachment-hint attachment-error"/);
    expect(posted.text).toContain('value="Playground"');
    expect(await storedFiles()).toBe(before);
    expect((await cycleOf(c.id)).projects).toHaveLength(0);
  });

  it('lets the author add files up to three on the proposal page, refuses a fourth, and remove one (audited)', async () => {
    const c = await newCycle();
    await proposeOnPage(c.id, 'Street lamps', [])(c.districts[0]!.id);
    const project = (await cycleOf(c.id)).projects[0]!;
    const page = `/budgeting/projects/${project.id}`;
    const add = (bytes: Buffer, filename: string, caption = '') =>
      submitMultipart(elvin, page, `${page}/attachments`, { caption }, [{ field: 'file', bytes, filename }]);
    const quote = minimalPdf(['Quote: 12 lamps, 9000 GEL']);
    expect((await add(quote, 'quote.pdf')).status).toBe(303);
    expect((await add(solidPng(20, 10), 'lamp.png', 'A lamp like this')).status).toBe(303);
    expect((await add(solidPng(10, 20), 'street.png')).status).toBe(303);

    const before = await storedFiles();
    const fourth = await add(solidPng(5, 5), 'fourth.png');
    expect(fourth.status).toBe(409);
    expect(fourth.text).toContain('id="file-error"');
    expect(fourth.text).toContain('A proposal can have at most 3 files');
    expect(await storedFiles()).toBe(before);

    const shown = await request(t.url).get(page).set('cookie', 'locale=en');
    expect(shown.text).toContain('quote.pdf');
    expect(shown.text).toContain(`(PDF, ${quote.length} B)`);
    expect(shown.text).toContain('alt="A lamp like this"');
    expect(shown.text).toContain('alt="street.png"');

    const listed = (
      await request(t.url).get(`/api/v1/budgeting/projects/${project.id}/attachments`).expect(200)
    ).body as { id: string; filename: string; downloadUrl: string }[];
    const pdf = listed.find((a) => a.filename === 'quote.pdf')!;
    const removed = await elvin.submit(page, {}, `${page}/attachments/${pdf.id}/remove`);
    expect(removed.status).toBe(303);
    await request(t.url).get(pdf.downloadUrl).expect(404);
    expect(await storedFiles()).toBe(before - 1);
    const audit = (await t.dataSource.query(
      `SELECT action FROM platform_audit_log WHERE subject_id = $1 AND action LIKE 'budgeting.attachment-%'`,
      [project.id],
    )) as { action: string }[];
    expect(audit.map((a) => a.action).sort()).toEqual([
      'budgeting.attachment-added',
      'budgeting.attachment-added',
      'budgeting.attachment-added',
      'budgeting.attachment-removed',
    ]);

    // Once review starts the files are part of the proposal: no more changes.
    await post(staffToken, `/admin/budgeting/cycles/${c.id}/advance`).expect(200);
    const late = await add(solidPng(5, 5), 'late.png');
    expect(late.status).toBe(409);
    expect(late.text).toContain('Only the author can add or remove files');
  });

  it('shows a staff photo of the works on the public results, and takes both uploads through the API', async () => {
    const c = await newCycle();
    const district = c.districts[0]!.id;
    const created = await post(elvinToken, `/budgeting/cycles/${c.id}/projects`, {
      districtId: district,
      title: { en: 'Footbridge' },
      description: { en: 'Over the river' },
      estimatedCost: 20_000,
    }).expect(201);
    const projectId = (created.body as { id: string }).id;

    // The author attaches a quote with a bearer token; without one the upload is refused before reading.
    const quote = minimalPdf(['Footbridge quote']);
    const attached = await request(t.url)
      .post(`/api/v1/budgeting/projects/${projectId}/attachments`)
      .auth(elvinToken, { type: 'bearer' })
      .field('caption', 'Quote')
      .attach('file', quote, { filename: 'quote.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(attached.body).toMatchObject({
      filename: 'quote.pdf',
      mediaType: 'application/pdf',
      size: quote.length,
    });
    const bytes = await download((attached.body as { downloadUrl: string }).downloadUrl).expect(200);
    expect(Buffer.compare(bytes.body as Buffer, quote)).toBe(0);
    await request(t.url)
      .post(`/api/v1/budgeting/projects/${projectId}/attachments`)
      .attach('file', quote, { filename: 'quote.pdf' })
      .expect(401);

    await post(staffToken, `/admin/budgeting/cycles/${c.id}/advance`).expect(200);
    await post(staffToken, `/admin/budgeting/projects/${projectId}/review`, {
      decision: 'shortlist',
      feasible: true,
      legal: true,
      costEstimate: 20_000,
    }).expect(200);
    await post(staffToken, `/admin/budgeting/cycles/${c.id}/advance`).expect(200);
    await post(elvinToken, `/budgeting/cycles/${c.id}/ballot`, {
      districtId: district,
      choices: [{ projectId }],
    }).expect(201);
    await post(staffToken, `/admin/budgeting/cycles/${c.id}/advance`).expect(200);
    await post(staffToken, `/admin/budgeting/cycles/${c.id}/advance`).expect(200);

    const photo = solidPng(800, 600, [90, 140, 80]);
    const form = `/admin/budgeting/${c.id}/implementation`;
    const update = await submitMultipart(
      staff,
      form,
      `/admin/budgeting/projects/${projectId}/updates`,
      {
        status: 'in-progress',
        progress: '30',
        spent: '6000',
        [`note-${projectId}.en`]: 'The piers stand in the river.',
        [`note-${projectId}.ka`]: 'ბურჯები მდინარეში დგას.',
      },
      [{ field: 'photo', bytes: photo, filename: 'piers.png' }],
    );
    expect(update.status).toBe(303);

    const results = await request(t.url).get(`/budgeting/${c.id}/results`).set('cookie', 'locale=ka');
    const [img] = imagesIn(results.text);
    expect(img).toContain('alt="ბურჯები მდინარეში დგას."');
    expect(img).toContain('loading="lazy"');
    expect(img).toContain('width="240"');
    expect(img).toContain('height="180"');
    const served = await download(hrefOf(img ?? '')).expect(200);
    expect(Buffer.compare(served.body as Buffer, photo)).toBe(0);
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    // Staff add a second photo to that update through the API; a PDF is not a photo.
    const api = await post(staffToken, `/admin/budgeting/projects/${projectId}/updates`, {
      status: 'in-progress',
      progress: 50,
      spent: 9000,
      note: { en: 'Deck laid' },
    }).expect(201);
    const updateId = (api.body as { id: string }).id;
    const uploaded = await request(t.url)
      .post(`/api/v1/admin/budgeting/updates/${updateId}/photos`)
      .auth(staffToken, { type: 'bearer' })
      .attach('file', solidPng(30, 20), { filename: 'deck.png', contentType: 'image/png' })
      .expect(201);
    expect(uploaded.body).toMatchObject({ updateId, width: 30, height: 20 });
    const refused = await request(t.url)
      .post(`/api/v1/admin/budgeting/updates/${updateId}/photos`)
      .auth(staffToken, { type: 'bearer' })
      .attach('file', quote, { filename: 'deck.png', contentType: 'image/png' })
      .expect(400);
    expect((refused.body as { code: string }).code).toBe('platform.file-type-refused');
    await request(t.url)
      .post(`/api/v1/admin/budgeting/updates/${updateId}/photos`)
      .auth(elvinToken, { type: 'bearer' })
      .attach('file', solidPng(3, 3), { filename: 'x.png', contentType: 'image/png' })
      .expect(403);
    expect((await request(t.url).get(`/budgeting/${c.id}/results?lang=en`)).text).toContain(
      'alt="Deck laid"',
    );

    const docs = (await request(t.url).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { summary?: string; requestBody?: { content: object } }>>;
    };
    for (const path of [
      '/api/v1/budgeting/projects/{id}/attachments',
      '/api/v1/admin/budgeting/updates/{id}/photos',
    ]) {
      const operation = docs.paths[path]?.post;
      expect(operation?.summary).toBeTruthy();
      expect(Object.keys(operation?.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
    }
  });

  it('lets staff remove a wrong photo from an update: gone from the results and its address, audited', async () => {
    const { c, projectId } = await fundedProject('Water pipe');
    const created = await post(staffToken, `/admin/budgeting/projects/${projectId}/updates`, {
      status: 'in-progress',
      progress: 40,
      spent: 8000,
      note: { en: 'Trench dug' },
    }).expect(201);
    const updateId = (created.body as { id: string }).id;
    const upload = async (filename: string) =>
      (
        await request(t.url)
          .post(`/api/v1/admin/budgeting/updates/${updateId}/photos`)
          .auth(staffToken, { type: 'bearer' })
          .attach('file', solidPng(40, 30), { filename, contentType: 'image/png' })
          .expect(201)
      ).body as { id: string; downloadUrl: string };
    const wrong = await upload('selfie.png');
    const trench = await upload('trench.png');
    const results = `/budgeting/${c.id}/results?lang=en`;
    const shownPhotos = async () =>
      imagesIn((await request(t.url).get(results)).text)
        .map(hrefOf)
        .filter((h) => h.includes('/photos/'));
    expect(await shownPhotos()).toEqual([wrong.downloadUrl, trench.downloadUrl]);

    // Each photo on the staff page has its own button, named after the file it removes.
    const desk = `/admin/budgeting/${c.id}/implementation`;
    const page = await staff.get(desk);
    const removeAction = `/admin/budgeting/updates/${updateId}/photos/${wrong.id}/remove`;
    expect(page.text).toContain(`action="${removeAction}"`);
    expect(page.text).toContain('Remove photo selfie.png');
    expect(page.text).toContain('Remove photo trench.png');

    // A resident may not, in the API or on the page; an unknown photo, or one of another update, is 404.
    const remove = (token: string, update: string, photo: string) =>
      request(t.url)
        .delete(`/api/v1/admin/budgeting/updates/${update}/photos/${photo}`)
        .auth(token, { type: 'bearer' });
    await remove(elvinToken, updateId, wrong.id).expect(403);
    expect((await elvin.submit(results, {}, removeAction)).status).toBe(403);
    await remove(staffToken, updateId, '00000000-0000-4000-8000-000000000000').expect(404);
    await remove(staffToken, '00000000-0000-4000-8000-000000000000', wrong.id).expect(404);
    expect(await shownPhotos()).toHaveLength(2);

    const before = await storedFiles();
    const removed = await staff.submit(desk, {}, removeAction);
    expect(removed.status).toBe(303);
    expect(removed.headers['location']).toBe(`${desk}#update-${updateId}`);
    expect((await staff.get(desk)).text).not.toContain('Remove photo selfie.png');
    expect(await shownPhotos()).toEqual([trench.downloadUrl]);
    await download(wrong.downloadUrl).expect(404);
    expect(await storedFiles()).toBe(before - 1);
    await remove(staffToken, updateId, wrong.id).expect(404);

    // The API removes the other one the same way.
    await remove(staffToken, updateId, trench.id).expect(204);
    expect(await shownPhotos()).toEqual([]);
    await download(trench.downloadUrl).expect(404);
    expect(await storedFiles()).toBe(before - 2);

    const audit = (await t.dataSource.query(
      `SELECT actor_id AS "actorId", data FROM platform_audit_log
       WHERE subject_id = $1 AND action = 'budgeting.photo-removed' ORDER BY id`,
      [projectId],
    )) as { actorId: string | null; data: { photoId: string; updateId: string } }[];
    expect(audit.map((a) => a.data.photoId)).toEqual([wrong.id, trench.id]);
    expect(audit.every((a) => a.actorId && a.data.updateId === updateId)).toBe(true);
  });
});
