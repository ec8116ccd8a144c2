import request from 'supertest';
import { UserProvisioningService } from '@chartuloba/identity';
import { MunicipalityService } from '@chartuloba/platform';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { bearerToken, PageClient } from '../support/pages';

const PASSWORD = 'correct horse battery';

describe('residents’ comments on budgeting proposals', () => {
  let t: TestApp;
  let staffToken: string;
  let staff: PageClient;
  let nino: PageClient;
  let elvin: PageClient;
  let cycleId: string;
  let projectId: string;

  const bearerFor = (login: string) => bearerToken(t.url, login, PASSWORD);
  const api = (token: string, path: string, body: object = {}) =>
    request(t.url).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body);

  async function signedIn(login: string): Promise<PageClient> {
    const client = new PageClient(t.url);
    await client.submit('/sign-in', { login, password: PASSWORD });
    await client.get('/locale/en');
    return client;
  }

  async function visitor(): Promise<PageClient> {
    const client = new PageClient(t.url);
    await client.get('/locale/en');
    return client;
  }

  const page = `/budgeting/projects/`;
  const post = (client: PageClient, body: string) =>
    client.submit(`${page}${projectId}`, { body }, `${page}${projectId}/comments`);

  beforeAll(async () => {
    t = await startTestApp();
    const municipality = t.app.get(MunicipalityService);
    await municipality.create('dmanisi', { ka: 'დმანისი', en: 'Dmanisi' }, [
      { slug: 'kamarlo', kind: 'village', name: { ka: 'ქამარლო', en: 'Kamarlo' } },
    ]);
    const kamarlo = (await municipality.settlements())[0]!.id;
    const provisioning = t.app.get(UserProvisioningService);
    await provisioning.create({
      email: 'staff@test.ge',
      displayName: 'Staff',
      password: PASSWORD,
      roles: ['staff'],
    });
    staffToken = await bearerFor('staff@test.ge');
    for (const [email, name] of [
      ['nino@test.ge', 'Nino Beridze'],
      ['elvin@test.ge', 'Elvin Mammadov'],
    ] as const) {
      const i = email.startsWith('nino') ? 0 : 1;
      const user = await provisioning.create({ email, displayName: name, password: PASSWORD, roles: [] });
      await api(staffToken, `/admin/accounts/${user.id}/residency`, {
        personalNumber: `0300300000${i}`,
        settlementId: kamarlo,
        birthYear: 1985,
      }).expect(204);
    }
    const cycle = await api(staffToken, '/admin/budgeting/cycles', {
      title: { en: 'Kamarlo budget' },
      rules: { en: 'Residents of Kamarlo vote.' },
      totalBudget: 30_000,
      districtBudgets: [{ settlementId: kamarlo, budget: 30_000 }],
      ballotType: 'approval',
      outcomeRule: 'greedy',
    }).expect(201);
    cycleId = (cycle.body as { id: string }).id;
    const details = (await request(t.url).get(`/api/v1/budgeting/cycles/${cycleId}`)).body as {
      districts: { id: string; settlementId: string | null }[];
    };
    const district = details.districts.find((d) => d.settlementId === kamarlo)!.id;
    const project = await api(await bearerFor('nino@test.ge'), `/budgeting/cycles/${cycleId}/projects`, {
      districtId: district,
      title: { en: 'Bus shelter by the school' },
      description: { en: 'Children wait for the bus in the rain.' },
      estimatedCost: 8000,
    }).expect(201);
    projectId = (project.body as { id: string }).id;
    staff = await signedIn('staff@test.ge');
    nino = await signedIn('nino@test.ge');
    elvin = await signedIn('elvin@test.ge');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows residents’ comments on the proposal page, oldest first, with their names and dates', async () => {
    expect((await post(nino, 'The shelter should face away from the wind.')).status).toBe(303);
    const second = await post(elvin, 'Please add a bench for older people.');
    expect(second.status).toBe(303);
    expect(String(second.headers['location'])).toMatch(new RegExp(`^${page}${projectId}#comment-`));
    const shown = (await (await visitor()).get(`${page}${projectId}`)).text;
    expect(shown).toContain('Nino Beridze');
    expect(shown).toContain('Elvin Mammadov');
    expect(shown.indexOf('face away from the wind')).toBeLessThan(shown.indexOf('add a bench'));
    expect(shown).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}T[^"]+">[A-Z][a-z]+ \d{1,2}, \d{4}/);
    expect(shown).toContain('2 comments');
    const cyclePage = (await new PageClient(t.url).get(`/budgeting/${cycleId}`)).text;
    expect(cyclePage).toContain(`href="${page}${projectId}"`);
  });

  it('refuses an over-long comment next to the field, keeping the text', async () => {
    const long = 'ა'.repeat(2001);
    const refused = await post(elvin, long);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('id="body-error"');
    expect(refused.text).toContain('aria-describedby="body-hint body-error"');
    expect(refused.text).toContain('At most 2000 characters');
    expect(refused.text).toContain(long);
    const blank = await post(elvin, '   ');
    expect(blank.status).toBe(400);
    expect(blank.text).toContain('id="body-error"');
  });

  it('lets staff hide an abusive comment with a public reason, audited, and no one else', async () => {
    expect((await post(elvin, 'You are all thieves and idiots!')).status).toBe(303);
    const before = (await staff.get(`${page}${projectId}`)).text;
    const commentId = /id="comment-([0-9a-f-]{36})"(?:(?!id="comment-).)*thieves and idiots/s.exec(
      before,
    )?.[1];
    expect(commentId).toBeDefined();
    const hide = `/admin/budgeting/comments/${commentId}/hide`;
    const resident = await nino.submit(`${page}${projectId}`, { reason: 'Insults' }, hide);
    expect(resident.status).toBe(403);
    const noReason = await staff.submit(`${page}${projectId}`, { reason: ' ' }, hide);
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain(`id="reason-${commentId}-error"`);
    const hidden = await staff.submit(`${page}${projectId}`, { reason: 'Insults other residents.' }, hide);
    expect(hidden.status).toBe(303);
    const shown = (await (await visitor()).get(`${page}${projectId}`)).text;
    expect(shown).not.toContain('thieves and idiots');
    expect(shown).toContain('Hidden by the moderator: Insults other residents.');
    expect(shown).toContain('Please add a bench');
    const audit = (await t.dataSource.query(
      `SELECT action, actor_label AS "actorLabel" FROM platform_audit_log WHERE subject_id = $1`,
      [commentId],
    )) as { action: string; actorLabel: string }[];
    expect(audit).toEqual([{ action: 'budgeting.comment-hidden', actorLabel: 'Staff' }]);
  });

  it('closes comments when the proposal phase ends, with a clear refusal', async () => {
    await api(staffToken, `/admin/budgeting/cycles/${cycleId}/advance`).expect(200);
    const closed = await post(nino, 'One more thought.');
    expect(closed.status).toBe(409);
    expect(closed.text).toContain('Comments are closed: the proposal period has ended.');
    expect(closed.text).not.toContain('name="body"');
    const viaApi = await api(staffToken, `/budgeting/projects/${projectId}/comments`, { body: 'Late' });
    expect(viaApi.status).toBe(409);
    expect(viaApi.body.code).toBe('budgeting.comments-closed');
  });
});
