import request from 'supertest';
import { UserProvisioningService } from '@chartuloba/identity';
import { MunicipalityService } from '@chartuloba/platform';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { bearerToken, PageClient } from '../support/pages';

const PASSWORD = 'correct horse battery';
const DAY = 86_400_000;

describe('editing a budgeting cycle, and moderating through the JSON API', () => {
  let t: TestApp;
  let staffToken: string;
  let moderatorToken: string;
  let residentToken: string;
  let staff: PageClient;
  let kamarlo: string;
  let irganchai: string;
  let ninoId: string;

  const bearerFor = (login: string) => bearerToken(t.url, login, PASSWORD);
  const post = (token: string, path: string, body: object = {}) =>
    request(t.url).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body);
  const patch = (token: string, id: string, body: object) =>
    request(t.url).patch(`/api/v1/admin/budgeting/cycles/${id}`).auth(token, { type: 'bearer' }).send(body);
  const publicCycle = async (id: string) =>
    (await request(t.url).get(`/api/v1/budgeting/cycles/${id}`).expect(200)).body as {
      title: Record<string, string>;
      totalBudget: number;
      ballotType: string;
      proposalsFrom: string | null;
      districts: { id: string; settlementId: string | null; budget: number }[];
    };
  async function newCycle(overrides: object = {}): Promise<string> {
    const created = await post(staffToken, '/admin/budgeting/cycles', {
      title: { en: 'Kamarlo budget 2027' },
      rules: { en: 'Residents aged 16 and over vote.' },
      totalBudget: 30_000,
      districtBudgets: [{ settlementId: kamarlo, budget: 30_000 }],
      ballotType: 'approval',
      outcomeRule: 'greedy',
      ...overrides,
    }).expect(201);
    return (created.body as { id: string }).id;
  }
  const auditOf = async (id: string) =>
    (await t.dataSource.query(
      `SELECT summary, data FROM platform_audit_log WHERE action = 'budgeting.cycle-updated' AND subject_id = $1`,
      [id],
    )) as { summary: string; data: { changed: string[]; started: boolean } }[];

  beforeAll(async () => {
    t = await startTestApp();
    const municipality = t.app.get(MunicipalityService);
    await municipality.create('dmanisi', { ka: 'დმანისი', en: 'Dmanisi' }, [
      { slug: 'kamarlo', kind: 'village', name: { ka: 'ქამარლო', en: 'Kamarlo' } },
      { slug: 'irganchai', kind: 'village', name: { ka: 'ირგანჩაი', en: 'Irganchai' } },
    ]);
    const settlements = await municipality.settlements();
    kamarlo = settlements.find((s) => s.name.en === 'Kamarlo')!.id;
    irganchai = settlements.find((s) => s.name.en === 'Irganchai')!.id;
    const provisioning = t.app.get(UserProvisioningService);
    for (const [email, roles] of [
      ['staff@test.ge', ['staff']],
      ['moderator@test.ge', ['moderator']],
      ['nino@test.ge', []],
    ] as const) {
      const user = await provisioning.create({
        email,
        displayName: email,
        password: PASSWORD,
        roles: [...roles],
      });
      ninoId = email.startsWith('nino') ? user.id : ninoId;
    }
    staffToken = await bearerFor('staff@test.ge');
    moderatorToken = await bearerFor('moderator@test.ge');
    residentToken = await bearerFor('nino@test.ge');
    staff = new PageClient(t.url);
    await staff.submit('/sign-in', { login: 'staff@test.ge', password: PASSWORD });
    await staff.get('/locale/en');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('changes any rule of a cycle whose proposals have not started, through the API, audited', async () => {
    const opens = new Date(Date.now() + 10 * DAY).toISOString();
    const id = await newCycle({ proposalsFrom: opens });
    expect((await patch(residentToken, id, { totalBudget: 40_000 })).status).toBe(403);
    const changed = await patch(staffToken, id, {
      totalBudget: 40_000,
      districtBudgets: [
        { settlementId: kamarlo, budget: 25_000 },
        { settlementId: irganchai, budget: 15_000 },
      ],
      ballotType: 'k-approval',
      ballotK: 2,
    }).expect(200);
    expect(changed.body).toMatchObject({ totalBudget: 40_000, ballotType: 'k-approval', ballotK: 2 });
    const cycle = await publicCycle(id);
    expect(cycle.title).toEqual({ en: 'Kamarlo budget 2027' });
    expect(cycle.districts.map((d) => [d.settlementId, d.budget]).sort()).toEqual(
      [
        [irganchai, 15_000],
        [kamarlo, 25_000],
      ].sort(),
    );
    const badK = await patch(staffToken, id, { ballotK: null, ballotType: 'k-approval' });
    expect(badK.status).toBe(400);
    const [audit] = await auditOf(id);
    expect(audit?.data.changed).toEqual(['totalBudget', 'districtBudgets', 'ballotType', 'ballotK']);
    expect(audit?.data.started).toBe(false);
  });

  it('edits a cycle on the prefilled staff form before proposals open', async () => {
    const id = await newCycle({ proposalsFrom: '2099-03-01T08:00:00+04:00', minVoterAge: 18 });
    const form = await staff.get(`/admin/budgeting/${id}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(`action="/admin/budgeting/${id}/edit"`);
    expect(form.text).toContain('value="Kamarlo budget 2027"');
    expect(form.text).toMatch(/id="totalBudget"[^>]*value="30000"/);
    expect(form.text).toMatch(/id="proposalsFrom"[^>]*value="2099-03-01T08:00"/);
    expect(form.text).toMatch(/id="minVoterAge"[^>]*value="18"/);
    const fields = {
      'title.en': 'Kamarlo budget 2027',
      'rules.en': 'Residents aged 16 and over vote.',
      totalBudget: '35000',
      [`district.${kamarlo}`]: '35000',
      minVoterAge: '16',
      proposeRequiresResident: 'yes',
      ballotType: 'approval',
      outcomeRule: 'greedy',
      tieBreak: 'cheaper-first',
      proposalsFrom: '2099-03-01T08:00',
    };
    const bad = await staff.submit(`/admin/budgeting/${id}/edit`, { ...fields, totalBudget: '20000' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('id="districtBudgets-error"');
    const saved = await staff.submit(`/admin/budgeting/${id}/edit`, fields);
    expect(saved.status).toBe(303);
    expect(saved.headers['location']).toBe(`/admin/budgeting/${id}`);
    const cycle = await publicCycle(id);
    expect(cycle.totalBudget).toBe(35_000);
    expect(cycle.proposalsFrom).toBe('2099-03-01T04:00:00.000Z');
    expect(cycle.districts.find((d) => d.settlementId === kamarlo)?.budget).toBe(35_000);
  });

  it('refuses rule changes once proposals have started, next to each field, but takes a corrected title', async () => {
    const id = await newCycle();
    const refused = await patch(staffToken, id, { totalBudget: 60_000, outcomeRule: 'mes' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'budgeting.rules-locked' });
    expect(JSON.stringify(refused.body)).toContain('totalBudget');
    expect(JSON.stringify(refused.body)).toContain('outcomeRule');
    expect((await publicCycle(id)).totalBudget).toBe(30_000);

    const form = await staff.get(`/admin/budgeting/${id}/edit`);
    expect(form.text).toContain('Only the title and the rules text may still be corrected.');
    const fields = {
      'title.en': 'Kamarlo budget 2027',
      'rules.en': 'Residents aged 16 and over vote.',
      totalBudget: '30000',
      [`district.${kamarlo}`]: '30000',
      minVoterAge: '16',
      proposeRequiresResident: 'yes',
      ballotType: 'cumulative',
      ballotPoints: '5',
      outcomeRule: 'greedy',
      tieBreak: 'cheaper-first',
    };
    const page = await staff.submit(`/admin/budgeting/${id}/edit`, fields);
    expect(page.status).toBe(400);
    expect(page.text).toContain('id="ballotType-error"');
    expect(page.text).toContain('aria-describedby="ballotType-error"');
    expect(page.text).toContain('Proposals have started, so this rule can no longer be changed.');
    expect((await publicCycle(id)).ballotType).toBe('approval');
    expect(await auditOf(id)).toHaveLength(0);

    const corrected = await staff.submit(`/admin/budgeting/${id}/edit`, {
      ...fields,
      ballotType: 'approval',
      ballotPoints: '',
      'title.en': 'Kamarlo participatory budget 2027',
      'title.ka': 'ქამარლოს მონაწილეობითი ბიუჯეტი 2027',
    });
    expect(corrected.status).toBe(303);
    expect((await publicCycle(id)).title).toEqual({
      en: 'Kamarlo participatory budget 2027',
      ka: 'ქამარლოს მონაწილეობითი ბიუჯეტი 2027',
    });
    const rules = await patch(staffToken, id, { rules: { en: 'Residents aged 16 and over vote once.' } });
    expect(rules.status).toBe(200);
    const audit = await auditOf(id);
    expect(audit.map((a) => a.data.changed)).toEqual([['title'], ['rules']]);
    expect(audit.every((a) => a.data.started && a.summary.includes('after proposals started'))).toBe(true);
  });

  it('hides a comment through the JSON API for moderators and staff, refusing residents', async () => {
    const id = await newCycle();
    const cycle = await publicCycle(id);
    const district = cycle.districts.find((d) => d.settlementId === kamarlo)!.id;
    await post(staffToken, `/admin/accounts/${ninoId}/residency`, {
      personalNumber: '03003000001',
      settlementId: kamarlo,
      birthYear: 1985,
    }).expect(204);
    const project = await post(residentToken, `/budgeting/cycles/${id}/projects`, {
      districtId: district,
      title: { en: 'Bus shelter' },
      description: { en: 'Children wait in the rain.' },
      estimatedCost: 8000,
    }).expect(201);
    const projectId = (project.body as { id: string }).id;
    await post(residentToken, `/budgeting/projects/${projectId}/comments`, {
      body: 'You are all thieves!',
    }).expect(204);
    const [comment] = (await t.dataSource.query(`SELECT id FROM budgeting_comments WHERE project_id = $1`, [
      projectId,
    ])) as { id: string }[];
    const commentId = comment!.id;
    const hide = `/admin/budgeting/comments/${commentId}/hide`;
    expect((await post(residentToken, hide, { reason: 'Insults' })).status).toBe(403);
    expect((await post(moderatorToken, hide, { reason: '' })).status).toBe(400);
    const hidden = await post(moderatorToken, hide, { reason: 'Insults other residents.' }).expect(200);
    expect(hidden.body).toMatchObject({
      id: commentId,
      body: null,
      hiddenReason: 'Insults other residents.',
    });
    const shown = (await request(t.url).get(`/budgeting/projects/${projectId}`).set('accept', 'text/html'))
      .text;
    expect(shown).not.toContain('thieves');
    const audit = (await t.dataSource.query(`SELECT action FROM platform_audit_log WHERE subject_id = $1`, [
      commentId,
    ])) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['budgeting.comment-hidden']);
  });
});
