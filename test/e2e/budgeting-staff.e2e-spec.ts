import request from 'supertest';
import { UserProvisioningService } from '@chartuloba/identity';
import { CyclesService } from '@chartuloba/budgeting';
import { MunicipalityService } from '@chartuloba/platform';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { bearerToken, PageClient } from '../support/pages';

const PASSWORD = 'correct horse battery';
const DAY = 86_400_000;

describe('participatory budgeting staff pages', () => {
  let t: TestApp;
  let staffToken: string;
  let staff: PageClient;
  let irganchai: string;
  const residents: Record<string, { token: string; personalNumber: string }> = {};

  const bearerFor = (login: string) => bearerToken(t.url, login, PASSWORD);
  const api = (token: string) => ({
    post: (path: string, body: object = {}) =>
      request(t.url).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  });
  async function cycleOf(id: string) {
    return (await request(t.url).get(`/api/v1/budgeting/cycles/${id}`).expect(200)).body as {
      id: string;
      phase: string;
      districts: { id: string; settlementId: string | null }[];
      projects: { id: string; code: string; status: string }[];
    };
  }
  async function apiCycle(overrides: object = {}) {
    const created = await api(staffToken)
      .post('/admin/budgeting/cycles', {
        title: { en: 'Budget' },
        rules: { en: 'Rules' },
        totalBudget: 50_000,
        districtBudgets: [{ settlementId: irganchai, budget: 50_000 }],
        ballotType: 'approval',
        outcomeRule: 'greedy',
        ...overrides,
      })
      .expect(201);
    return cycleOf((created.body as { id: string }).id);
  }
  async function propose(cycleId: string, districtId: string, title: string, cost = 10_000) {
    const r = await api(residents['elvin']!.token)
      .post(`/budgeting/cycles/${cycleId}/projects`, {
        districtId,
        title: { en: title },
        description: { en: title },
        estimatedCost: cost,
      })
      .expect(201);
    return (r.body as { id: string }).id;
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
    for (const [i, name] of ['elvin', 'aysel'].entries()) {
      const user = await provisioning.create({
        email: `${name}@test.ge`,
        displayName: name,
        password: PASSWORD,
        roles: [],
      });
      const personalNumber = `0200200000${i}`;
      await api(staffToken)
        .post(`/admin/accounts/${user.id}/residency`, {
          personalNumber,
          settlementId: irganchai,
          birthYear: 1980,
        })
        .expect(204);
      residents[name] = { token: await bearerFor(`${name}@test.ge`), personalNumber };
    }
    staff = new PageClient(t.url);
    await staff.submit('/sign-in', { login: 'staff@test.ge', password: PASSWORD });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses a cycle with a bad field next to that field, creating nothing, then creates it', async () => {
    const count = async () =>
      ((await request(t.url).get('/api/v1/budgeting/cycles')).body as unknown[]).length;
    const before = await count();
    const fields = {
      'title.ka': 'ბიუჯეტი 2027',
      'title.en': 'Budget 2027',
      'rules.en': 'Residents aged 16 and over vote.',
      totalBudget: 'lots',
      [`district.${irganchai}`]: '40000',
      municipalBudget: '10000',
      ballotType: 'k-approval',
      ballotK: '2',
      outcomeRule: 'greedy',
      tieBreak: 'cheaper-first',
      minVoterAge: '16',
      'cat.0.key': 'water',
      'cat.0.ka': 'წყალი',
      'cat.0.en': 'Water',
      votingFrom: '2027-09-01T09:00',
      votingUntil: '2027-09-30T20:00',
    };
    const bad = await staff.submit('/admin/budgeting/new', fields);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('id="totalBudget-error"');
    expect(bad.text).toContain('aria-describedby="totalBudget-error"');
    expect(bad.text).toContain('value="Budget 2027"');
    expect(await count()).toBe(before);
    const early = await staff.submit('/admin/budgeting/new', {
      ...fields,
      totalBudget: '50000',
      votingUntil: '2027-08-01T09:00',
    });
    expect(early.status).toBe(400);
    expect(early.text).toContain('id="votingUntil-error"');
    const ok = await staff.submit('/admin/budgeting/new', { ...fields, totalBudget: '50000' });
    expect(ok.status).toBe(303);
    const id = /\/admin\/budgeting\/([0-9a-f-]{36})/.exec(String(ok.headers['location']))![1]!;
    const created = (await request(t.url).get(`/api/v1/budgeting/cycles/${id}`).expect(200)).body;
    expect(created).toMatchObject({
      ballotType: 'k-approval',
      ballotK: 2,
      totalBudget: 50_000,
      categories: [{ key: 'water', name: { ka: 'წყალი', en: 'Water' } }],
      votingFrom: '2027-09-01T05:00:00.000Z',
    });
    expect(created.districts).toHaveLength(2);
    expect((await staff.get(`/admin/budgeting/${id}`)).status).toBe(200);
  });

  it('rejects with public reasons shown on the public page, and accepts to the shortlist', async () => {
    const c = await apiCycle();
    const district = c.districts.find((d) => d.settlementId === irganchai)!.id;
    const kept = await propose(c.id, district, 'Water pipe');
    const refused = await propose(c.id, district, 'Golden statue');
    await api(staffToken).post(`/admin/budgeting/cycles/${c.id}/advance`).expect(200);
    const queue = `/admin/budgeting/${c.id}/review`;
    const noReason = await staff.submit(
      queue,
      { decision: 'reject', costEstimate: '10000' },
      `/admin/budgeting/projects/${refused}/review`,
    );
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain(`id="reason-${refused}-error"`);
    const rejected = await staff.submit(
      queue,
      { decision: 'reject', costEstimate: '10000', [`reason-${refused}.en`]: 'Not a municipal competence.' },
      `/admin/budgeting/projects/${refused}/review`,
    );
    expect(rejected.status).toBe(303);
    const accepted = await staff.submit(
      queue,
      { decision: 'shortlist', feasible: 'yes', legal: 'yes', costEstimate: '12000' },
      `/admin/budgeting/projects/${kept}/review`,
    );
    expect(accepted.status).toBe(303);
    const after = await cycleOf(c.id);
    expect(after.projects.map((p) => p.status).sort()).toEqual(['rejected', 'shortlisted']);
    const publicPage = await new PageClient(t.url).get(`/budgeting/${c.id}?lang=en`);
    expect(publicPage.text).toContain('Not a municipal competence.');
  });

  it('enters a paper ballot against an earlier online one and shows the conflict at once; tracks the winner publicly', async () => {
    const c = await apiCycle();
    const district = c.districts.find((d) => d.settlementId === irganchai)!.id;
    const project = await propose(c.id, district, 'Street lamps', 15_000);
    await api(staffToken).post(`/admin/budgeting/cycles/${c.id}/advance`).expect(200);
    await api(staffToken)
      .post(`/admin/budgeting/projects/${project}/review`, {
        decision: 'shortlist',
        feasible: true,
        legal: true,
        costEstimate: 15_000,
      })
      .expect(200);
    await api(staffToken).post(`/admin/budgeting/cycles/${c.id}/advance`).expect(200);
    await api(residents['aysel']!.token)
      .post(`/budgeting/cycles/${c.id}/ballot`, { districtId: district, choices: [{ projectId: project }] })
      .expect(201);
    const code = (await cycleOf(c.id)).projects.find((p) => p.id === project)!.code;
    const form = `/admin/budgeting/${c.id}/paper?district=${district}`;
    const tomorrow = new Date(Date.now() + DAY + 4 * 3600_000).toISOString().slice(0, 16);
    const entered = await staff.submit(
      form,
      {
        districtId: district,
        paperNumber: 'IRG-7',
        personalNumber: residents['aysel']!.personalNumber,
        choices: code,
        castAt: tomorrow,
      },
      `/admin/budgeting/${c.id}/paper`,
    );
    expect(entered.status).toBe(303);
    const shown = await staff.get(String(entered.headers['location']));
    expect(shown.text).toContain('role="status"');
    expect(shown.text).toContain('IRG-7');
    expect(shown.headers['location']).toBeUndefined();
    expect(String(entered.headers['location'])).toContain('outcome=kept-earlier-online');
    // The earlier online ballot won, yet the paper ballot's number is spent: a second entry is refused.
    const reused = await staff.submit(
      form,
      {
        districtId: district,
        paperNumber: 'IRG-7',
        personalNumber: residents['elvin']!.personalNumber,
        choices: code,
      },
      `/admin/budgeting/${c.id}/paper`,
    );
    expect(reused.status).toBe(400);
    expect(reused.text).toContain('id="paperNumber-error"');
    expect(reused.text).toContain('aria-describedby="paperNumber-error"');
    expect(reused.text).toContain('IRG-7 ამ ციკლში უკვე გამოყენებულია');
    const again = await staff.submit(
      form,
      {
        districtId: district,
        paperNumber: 'IRG-8',
        personalNumber: residents['elvin']!.personalNumber,
        choices: 'P999',
      },
      `/admin/budgeting/${c.id}/paper`,
    );
    expect(again.status).toBe(400);
    expect(again.text).toContain('id="projects-error"');
    expect(again.text).toContain('value="IRG-8"');
    expect((await staff.get(`/admin/budgeting/${c.id}`)).text).toContain('IRG-7');

    await api(staffToken).post(`/admin/budgeting/cycles/${c.id}/advance`).expect(200);
    await api(staffToken).post(`/admin/budgeting/cycles/${c.id}/advance`).expect(200);
    const update = await staff.submit(
      `/admin/budgeting/${c.id}/implementation`,
      {
        status: 'in-progress',
        progress: '40',
        spent: '6000',
        [`note-${project}.en`]: 'Poles are up on the main street.',
      },
      `/admin/budgeting/projects/${project}/updates`,
    );
    expect(update.status).toBe(303);
    const results = await new PageClient(t.url).get(`/budgeting/${c.id}/results?lang=en`);
    expect(results.text).toContain('Poles are up on the main street.');
    expect(results.text).toContain('40%');
  });

  it('refuses proposals and ballots outside their dates, and moves a cycle on at its dates with the tally', async () => {
    const now = Date.now();
    const future = await apiCycle({
      proposalsFrom: new Date(now + DAY).toISOString(),
      reviewFrom: new Date(now + 2 * DAY).toISOString(),
      votingFrom: new Date(now + 3 * DAY).toISOString(),
      votingUntil: new Date(now + 4 * DAY).toISOString(),
    });
    const district = future.districts[0]!.id;
    const early = await api(residents['elvin']!.token).post(`/budgeting/cycles/${future.id}/projects`, {
      districtId: district,
      title: { en: 'Too early' },
      description: { en: 'x' },
      estimatedCost: 1000,
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('budgeting.proposals-closed');
    const resident = new PageClient(t.url);
    await resident.submit('/sign-in', { login: 'elvin@test.ge', password: PASSWORD });
    const page = await resident.submit(
      `/budgeting/${future.id}/propose?lang=en`,
      {
        'title.en': 'Too early',
        estimatedCost: '1000',
        districtId: district,
      },
      `/budgeting/${future.id}/propose`,
    );
    expect(page.status).toBe(400);
    // The default language's message, next to the form.
    expect(page.text).toContain('წინადადებები მხოლოდ მიღების პერიოდში მიიღება.');

    const cycles = t.app.get(CyclesService);
    const at = (offset: number) => new Date(now + offset);
    expect(await cycles.advanceDue(at(DAY + 60_000))).toBe(0);
    expect(await cycles.advanceDue(at(2 * DAY + 60_000))).toBeGreaterThanOrEqual(1);
    expect((await cycleOf(future.id)).phase).toBe('review');
    // An empty review cannot open voting: the gate holds and staff are left to act.
    await cycles.advanceDue(at(3 * DAY + 60_000));
    expect((await cycleOf(future.id)).phase).toBe('review');

    const voting = await apiCycle({
      votingFrom: new Date(now - DAY).toISOString(),
      votingUntil: new Date(now + DAY).toISOString(),
    });
    const vd = voting.districts[0]!.id;
    const p = await propose(voting.id, vd, 'Bench');
    await api(staffToken).post(`/admin/budgeting/cycles/${voting.id}/advance`).expect(200);
    await api(staffToken)
      .post(`/admin/budgeting/projects/${p}/review`, {
        decision: 'shortlist',
        feasible: true,
        legal: true,
        costEstimate: 10_000,
      })
      .expect(200);
    await api(staffToken).post(`/admin/budgeting/cycles/${voting.id}/advance`).expect(200);
    await api(residents['elvin']!.token)
      .post(`/budgeting/cycles/${voting.id}/ballot`, { districtId: vd, choices: [{ projectId: p }] })
      .expect(201);
    await cycles.advanceDue(at(2 * DAY));
    expect((await cycleOf(voting.id)).phase).toBe('tallied');
    const late = await api(residents['aysel']!.token).post(`/budgeting/cycles/${voting.id}/ballot`, {
      districtId: vd,
      choices: [{ projectId: p }],
    });
    expect(late.status).toBe(409);
    const results = (await api(staffToken).post(`/admin/budgeting/cycles/${voting.id}/advance`).expect(200))
      .body;
    expect(results.phase).toBe('published');
    const published = (await request(t.url).get(`/api/v1/budgeting/cycles/${voting.id}/results`).expect(200))
      .body;
    expect(published.districts[0].result.voters).toBe(1);
  });
});
