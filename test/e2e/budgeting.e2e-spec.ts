import request from 'supertest';
import { UserProvisioningService } from '@chartuloba/identity';
import { BudgetingDemoSeed, parsePb, tally } from '@chartuloba/budgeting';
import {
  DomainEvents,
  MOTION_DECIDED,
  MotionDecidedEvent,
  MunicipalityService,
  TransactionRunner,
} from '@chartuloba/platform';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { bearerToken, PageClient } from '../support/pages';

const PASSWORD = 'correct horse battery';

interface Cycle {
  id: string;
  phase: string;
  districts: { id: string; settlementId: string | null; budget: number }[];
  projects: { id: string; code: string; districtId: string; status: string; rejectionReason: unknown }[];
}

describe('participatory budgeting over HTTP', () => {
  let t: TestApp;
  let staff: string;
  const residents: Record<string, { token: string; id: string; personalNumber: string }> = {};
  let irganchai: string;
  let kamarlo: string;
  let personal = 10_000_000_000;

  const bearerFor = (login: string) => bearerToken(t.url, login, PASSWORD);

  async function resident(name: string, settlementId: string, birthYear: number) {
    const email = `${name}@test.ge`;
    const user = await t.app
      .get(UserProvisioningService)
      .create({ email, displayName: name, password: PASSWORD, roles: [] });
    const personalNumber = String(personal++);
    await request(t.url)
      .post(`/api/v1/admin/accounts/${user.id}/residency`)
      .auth(staff, { type: 'bearer' })
      .send({ personalNumber, settlementId, birthYear })
      .expect(204);
    residents[name] = { token: await bearerFor(email), id: user.id, personalNumber };
  }

  const api = (token: string) => ({
    get: (path: string) => request(t.url).get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      request(t.url).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  });

  async function cycle(id: string): Promise<Cycle> {
    return (await request(t.url).get(`/api/v1/budgeting/cycles/${id}`).expect(200)).body as Cycle;
  }

  async function createCycle(overrides: object = {}): Promise<Cycle> {
    const created = await api(staff)
      .post('/admin/budgeting/cycles', {
        title: { ka: 'ბიუჯეტი 2025', en: 'Budget 2025' },
        rules: { en: 'Residents aged 16+ vote.' },
        totalBudget: 200_000,
        districtBudgets: [
          { settlementId: irganchai, budget: 50_000 },
          { settlementId: kamarlo, budget: 50_000 },
        ],
        municipalBudget: 100_000,
        maxProjectCost: 50_000,
        ballotType: 'knapsack',
        outcomeRule: 'greedy',
        minVoterAge: 16,
        ...overrides,
      })
      .expect(201);
    return cycle((created.body as { id: string }).id);
  }

  function districtOf(c: Cycle, settlementId: string | null): string {
    return c.districts.find((d) => d.settlementId === settlementId)!.id;
  }

  async function propose(
    c: Cycle,
    settlementId: string | null,
    cost: number,
    who = 'elvin',
  ): Promise<string> {
    const response = await api(residents[who]!.token)
      .post(`/budgeting/cycles/${c.id}/projects`, {
        districtId: districtOf(c, settlementId),
        title: { az: `Layihə ${cost}`, en: `Project ${cost}` },
        description: { en: 'A useful thing' },
        estimatedCost: cost,
        location: 'Centre',
      })
      .expect(201);
    return (response.body as { id: string }).id;
  }

  async function shortlist(projectId: string, cost: number) {
    await api(staff)
      .post(`/admin/budgeting/projects/${projectId}/review`, {
        decision: 'shortlist',
        feasible: true,
        legal: true,
        costEstimate: cost,
      })
      .expect(200);
  }

  async function advance(c: Cycle, expected = 200) {
    return api(staff).post(`/admin/budgeting/cycles/${c.id}/advance`).expect(expected);
  }

  /** A cycle in voting with projects of the given costs in Irganchai (and one in Kamarlo). */
  async function votingCycle(costs: number[], overrides: object = {}) {
    const c = await createCycle(overrides);
    const ids: string[] = [];
    for (const cost of costs) {
      ids.push(await propose(c, irganchai, cost));
    }
    const kamarloProject = await propose(c, kamarlo, 10_000, 'leyla');
    await advance(c);
    for (const [i, id] of ids.entries()) {
      await shortlist(id, costs[i]!);
    }
    await shortlist(kamarloProject, 10_000);
    await advance(c);
    return { c: await cycle(c.id), ids, kamarloProject, district: districtOf(c, irganchai) };
  }

  beforeAll(async () => {
    t = await startTestApp();
    const municipality = await t.app
      .get(MunicipalityService)
      .create('dmanisi', { ka: 'დმანისი', en: 'Dmanisi' }, [
        { slug: 'irganchai', kind: 'village', name: { ka: 'ირგანჩაი', en: 'Irganchai' } },
        { slug: 'kamarlo', kind: 'village', name: { ka: 'ყამარლო', en: 'Kamarlo' } },
      ]);
    void municipality;
    const settlements = await t.app.get(MunicipalityService).settlements();
    irganchai = settlements.find((s) => s.slug === 'irganchai')!.id;
    kamarlo = settlements.find((s) => s.slug === 'kamarlo')!.id;
    await t.app
      .get(UserProvisioningService)
      .create({ email: 'staff@test.ge', displayName: 'Staff', password: PASSWORD, roles: ['staff'] });
    staff = await bearerFor('staff@test.ge');
    await resident('elvin', irganchai, 1985);
    await resident('aysel', irganchai, 1990);
    await resident('kamran', irganchai, 1970);
    await resident('young', irganchai, 2015);
    await resident('leyla', kamarlo, 1988);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('walks the phases and holds each gate: review needs every proposal decided, rejections need public reasons', async () => {
    const c = await createCycle();
    const kept = await propose(c, irganchai, 20_000);
    const dropped = await propose(c, irganchai, 30_000);
    await api(residents['aysel']!.token).post(`/budgeting/projects/${kept}/support`).expect(204);
    await api(residents['aysel']!.token)
      .post(`/budgeting/projects/${kept}/comments`, { body: 'Yes please' })
      .expect(204);
    const tooDear = await api(residents['elvin']!.token).post(`/budgeting/cycles/${c.id}/projects`, {
      districtId: districtOf(c, irganchai),
      title: { en: 'Palace' },
      description: {},
      estimatedCost: 60_000,
    });
    expect(tooDear.status).toBe(400);
    expect(tooDear.body.details[0].field).toBe('estimatedCost');

    await advance(c);
    await api(residents['elvin']!.token)
      .post(`/budgeting/cycles/${c.id}/projects`, {
        districtId: districtOf(c, irganchai),
        title: { en: 'Late' },
        description: {},
        estimatedCost: 1000,
      })
      .expect(409);
    await shortlist(kept, 20_000);
    const blocked = await advance(c, 409);
    expect(blocked.body.code).toBe('budgeting.review-pending');

    const noReason = await api(staff).post(`/admin/budgeting/projects/${dropped}/review`, {
      decision: 'reject',
      feasible: false,
      legal: true,
      costEstimate: 30_000,
      reason: {},
    });
    expect(noReason.status).toBe(400);
    await api(staff)
      .post(`/admin/budgeting/projects/${dropped}/review`, {
        decision: 'reject',
        feasible: false,
        legal: true,
        costEstimate: 30_000,
        reason: { en: 'The land belongs to the state forest fund', az: 'Torpaq dövlət meşə fonduna aiddir' },
      })
      .expect(200);
    await advance(c);
    const open = await cycle(c.id);
    expect(open.phase).toBe('voting');
    expect(open.projects.find((p) => p.id === dropped)).toMatchObject({
      status: 'rejected',
      rejectionReason: { en: 'The land belongs to the state forest fund' },
    });
    const page = await request(t.url)
      .get(`/budgeting/${c.id}`)
      .set('accept', 'text/html')
      .set('cookie', 'locale=en');
    expect(page.text).toContain('The land belongs to the state forest fund');
  });

  it('lets a resident propose and support through the pages, with errors next to the fields and values kept', async () => {
    const c = await createCycle();
    const browser = new PageClient(t.url);
    const signIn = await browser.submit('/sign-in', { login: 'elvin@test.ge', password: PASSWORD });
    expect(signIn.status).toBe(303);
    const tooDear = await browser.submit(`/budgeting/${c.id}/propose`, {
      'title.az': 'Yeni körpü',
      'description.az': 'Çay üzərində',
      districtId: districtOf(c, irganchai),
      estimatedCost: '90000',
      location: 'River',
    });
    expect(tooDear.status).toBe(400);
    expect(tooDear.text).toContain('id="estimatedCost-error"');
    expect(tooDear.text).toContain('Yeni körpü');
    const ok = await browser.submit(`/budgeting/${c.id}/propose`, {
      'title.az': 'Yeni körpü',
      districtId: districtOf(c, irganchai),
      estimatedCost: '40000',
    });
    expect(ok.status).toBe(303);
    const project = (await cycle(c.id)).projects[0]!;
    const supporter = new PageClient(t.url);
    await supporter.submit('/sign-in', { login: 'aysel@test.ge', password: PASSWORD });
    const supported = await supporter.submit(
      `/budgeting/${c.id}`,
      {},
      `/budgeting/projects/${project.id}/support`,
    );
    expect(supported.status).toBe(303);
    const list = (await request(t.url).get(`/api/v1/budgeting/cycles/${c.id}`).expect(200)).body as {
      projects: { supports: number }[];
    };
    expect(list.projects[0]!.supports).toBe(1);
  });

  it('merges two proposals only once both authors agree', async () => {
    const c = await createCycle();
    const a = await propose(c, irganchai, 10_000, 'elvin');
    const b = await propose(c, irganchai, 12_000, 'aysel');
    await advance(c);
    await api(staff).post(`/admin/budgeting/projects/${a}/merge`, { targetId: b }).expect(204);
    expect((await cycle(c.id)).projects.find((p) => p.id === a)!.status).toBe('proposed');
    await api(residents['elvin']!.token).post(`/budgeting/projects/${a}/merge/${b}/agree`).expect(204);
    expect((await cycle(c.id)).projects.find((p) => p.id === a)!.status).toBe('proposed');
    await api(residents['aysel']!.token).post(`/budgeting/projects/${a}/merge/${b}/agree`).expect(204);
    expect((await cycle(c.id)).projects.find((p) => p.id === a)!.status).toBe('merged');
  });

  it('refuses an over-budget knapsack ballot, a project of another district and a voter under the minimum age', async () => {
    const { c, ids, kamarloProject, district } = await votingCycle([30_000, 25_000]);
    const elvin = api(residents['elvin']!.token);
    const over = await elvin.post(`/budgeting/cycles/${c.id}/ballot`, {
      districtId: district,
      choices: ids.map((projectId) => ({ projectId })),
    });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ code: 'budgeting.over-budget', details: [{ field: 'projects' }] });
    const foreign = await elvin.post(`/budgeting/cycles/${c.id}/ballot`, {
      districtId: district,
      choices: [{ projectId: kamarloProject }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe('budgeting.unknown-project');
    const young = await api(residents['young']!.token).post(`/budgeting/cycles/${c.id}/ballot`, {
      districtId: district,
      choices: [{ projectId: ids[0] }],
    });
    expect(young.status).toBe(403);
    expect(young.body.code).toBe('budgeting.too-young');
    const otherDistrict = await elvin.post(`/budgeting/cycles/${c.id}/ballot`, {
      districtId: districtOf(c, kamarlo),
      choices: [{ projectId: kamarloProject }],
    });
    expect(otherDistrict.status).toBe(403);
    expect(
      await t.dataSource.query(`SELECT 1 FROM budgeting_ballots WHERE cycle_id = $1`, [c.id]),
    ).toHaveLength(0);
  });

  it('refuses a k-approval ballot over k and cumulative points that do not add up', async () => {
    const k = await votingCycle([5_000, 6_000, 7_000], { ballotType: 'k-approval', ballotK: 2 });
    const overK = await api(residents['elvin']!.token).post(`/budgeting/cycles/${k.c.id}/ballot`, {
      districtId: k.district,
      choices: k.ids.map((projectId) => ({ projectId })),
    });
    expect(overK.status).toBe(400);
    expect(overK.body.code).toBe('budgeting.over-k');

    const points = await votingCycle([5_000, 6_000], { ballotType: 'cumulative', ballotPoints: 10 });
    const wrong = await api(residents['elvin']!.token).post(`/budgeting/cycles/${points.c.id}/ballot`, {
      districtId: points.district,
      choices: [
        { projectId: points.ids[0], points: 3 },
        { projectId: points.ids[1], points: 3 },
      ],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('budgeting.points-not-summing');
    await api(residents['elvin']!.token)
      .post(`/budgeting/cycles/${points.c.id}/ballot`, {
        districtId: points.district,
        choices: [
          { projectId: points.ids[0], points: 4 },
          { projectId: points.ids[1], points: 6 },
        ],
      })
      .expect(201);
  });

  it('keeps one ballot per resident when the same resident submits twice at once, and lets them change it', async () => {
    const { c, ids, district } = await votingCycle([20_000, 15_000]);
    const elvin = api(residents['elvin']!.token);
    const [first, second] = await Promise.all([
      elvin.post(`/budgeting/cycles/${c.id}/ballot`, {
        districtId: district,
        choices: [{ projectId: ids[0] }],
      }),
      elvin.post(`/budgeting/cycles/${c.id}/ballot`, {
        districtId: district,
        choices: [{ projectId: ids[1] }],
      }),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.receipt).toBe(second.body.receipt);
    const rows = await t.dataSource.query(`SELECT id FROM budgeting_ballots WHERE cycle_id = $1`, [c.id]);
    expect(rows).toHaveLength(1);
    const changed = await elvin
      .post(`/budgeting/cycles/${c.id}/ballot`, {
        districtId: district,
        choices: ids.map((projectId) => ({ projectId })),
      })
      .expect(201);
    expect(changed.body.receipt).toBe(first.body.receipt);
    expect(
      await t.dataSource.query(`SELECT id FROM budgeting_ballots WHERE cycle_id = $1`, [c.id]),
    ).toHaveLength(1);
  });

  it('deduplicates paper ballots against online ones: the earlier wins and every meeting is listed for staff', async () => {
    const { c, ids, district } = await votingCycle([20_000, 15_000]);
    // Aysel voted online now; her paper ballot from yesterday is earlier and replaces it.
    await api(residents['aysel']!.token)
      .post(`/budgeting/cycles/${c.id}/ballot`, { districtId: district, choices: [{ projectId: ids[0] }] })
      .expect(201);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const replaced = await api(staff)
      .post(`/admin/budgeting/cycles/${c.id}/paper-ballots`, {
        districtId: district,
        paperNumber: 'IRG-0001',
        personalNumber: residents['aysel']!.personalNumber,
        castAt: yesterday,
        choices: [{ projectId: ids[1] }],
      })
      .expect(201);
    expect(replaced.body.outcome).toBe('replaced-later-online');
    // Kamran voted online now; a paper ballot dated tomorrow is later and is discarded.
    await api(residents['kamran']!.token)
      .post(`/budgeting/cycles/${c.id}/ballot`, { districtId: district, choices: [{ projectId: ids[0] }] })
      .expect(201);
    const kept = await api(staff)
      .post(`/admin/budgeting/cycles/${c.id}/paper-ballots`, {
        districtId: district,
        paperNumber: 'IRG-0002',
        personalNumber: residents['kamran']!.personalNumber,
        castAt: new Date(Date.now() + 86_400_000).toISOString(),
        choices: [{ projectId: ids[1] }],
      })
      .expect(201);
    expect(kept.body.outcome).toBe('kept-earlier-online');
    // Both numbers are spent, whichever ballot won.
    for (const paperNumber of ['IRG-0001', 'IRG-0002']) {
      const reused = await api(staff).post(`/admin/budgeting/cycles/${c.id}/paper-ballots`, {
        districtId: district,
        paperNumber,
        personalNumber: residents['elvin']!.personalNumber,
        castAt: yesterday,
        choices: [{ projectId: ids[1] }],
      });
      expect(reused.status).toBe(409);
      expect(reused.body.code).toBe('budgeting.paper-number-used');
    }
    // Once on paper, the resident cannot also vote online.
    const again = await api(residents['aysel']!.token).post(`/budgeting/cycles/${c.id}/ballot`, {
      districtId: district,
      choices: [{ projectId: ids[0] }],
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('budgeting.voted-on-paper');
    const staffPages = new PageClient(t.url);
    await staffPages.submit('/sign-in', { login: 'staff@test.ge', password: PASSWORD });
    const adminPage = await staffPages.get(`/admin/budgeting/${c.id}`);
    expect(adminPage.status).toBe(200);
    expect(adminPage.text).toContain('IRG-0001');
    expect(adminPage.text).toContain('IRG-0002');
    const conflicts = (await api(staff).get(`/admin/budgeting/cycles/${c.id}/conflicts`).expect(200))
      .body as {
      paperNumber: string;
      keptChannel: string;
    }[];
    expect(conflicts.map((x) => [x.paperNumber, x.keptChannel])).toEqual([
      ['IRG-0001', 'paper'],
      ['IRG-0002', 'online'],
    ]);
    const ballots = await t.dataSource.query(
      `SELECT channel, count(*)::int AS n FROM budgeting_ballots WHERE cycle_id = $1 GROUP BY channel ORDER BY channel`,
      [c.id],
    );
    expect(ballots).toEqual([
      { channel: 'online', n: 1 },
      { channel: 'paper', n: 1 },
    ]);
  });

  it('opens voting only when the council adopts the shortlist, and blocks it when the council rejects', async () => {
    const adopted = await createCycle({ needsCouncil: true });
    const rejected = await createCycle({ needsCouncil: true });
    for (const c of [adopted, rejected]) {
      const id = await propose(c, irganchai, 10_000);
      await advance(c);
      await shortlist(id, 10_000);
      await advance(c);
      expect((await cycle(c.id)).phase).toBe('council');
    }
    const decide = async (c: Cycle, outcome: 'adopted' | 'rejected') => {
      const event: MotionDecidedEvent = {
        type: MOTION_DECIDED,
        motionId: `motion-${c.id}`,
        originLib: 'budgeting',
        originId: c.id,
        outcome,
        votes: {
          yes: outcome === 'adopted' ? 9 : 2,
          no: outcome === 'adopted' ? 2 : 9,
          abstain: 0,
          absent: 1,
        },
        sessionId: null,
        decidedAt: new Date().toISOString(),
      };
      await t.app.get(TransactionRunner).run(() => t.app.get(DomainEvents).publish(event));
    };
    const projectOf = async (c: Cycle) => (await cycle(c.id)).projects[0]!.id;
    const early = await api(residents['elvin']!.token).post(`/budgeting/cycles/${adopted.id}/ballot`, {
      districtId: districtOf(adopted, irganchai),
      choices: [{ projectId: await projectOf(adopted) }],
    });
    expect(early.status).toBe(409);
    await decide(adopted, 'adopted');
    await decide(rejected, 'rejected');
    expect((await cycle(adopted.id)).phase).toBe('voting');
    expect((await cycle(rejected.id)).phase).toBe('council-rejected');
    await api(residents['elvin']!.token)
      .post(`/budgeting/cycles/${adopted.id}/ballot`, {
        districtId: districtOf(adopted, irganchai),
        choices: [{ projectId: await projectOf(adopted) }],
      })
      .expect(201);
    const blocked = await api(residents['elvin']!.token).post(`/budgeting/cycles/${rejected.id}/ballot`, {
      districtId: districtOf(rejected, irganchai),
      choices: [{ projectId: await projectOf(rejected) }],
    });
    expect(blocked.status).toBe(409);
    await advance(rejected, 409);
  });

  it('tallies when voting closes, publishes every project with why, checks receipts, and exports a .pb anyone can recount', async () => {
    const { c, ids, district } = await votingCycle([30_000, 25_000, 15_000]);
    const vote = (who: string, picks: number[]) =>
      api(residents[who]!.token)
        .post(`/budgeting/cycles/${c.id}/ballot`, {
          districtId: district,
          choices: picks.map((i) => ({ projectId: ids[i] })),
        })
        .expect(201);
    const receipt = (await vote('elvin', [0, 2])).body.receipt as string;
    await vote('aysel', [0, 2]);
    await vote('kamran', [1, 2]);

    const before = (await request(t.url).get(`/api/v1/budgeting/receipts/${receipt}`).expect(200)).body;
    expect(before).toMatchObject({ found: true, counted: false, channel: 'online' });
    expect(before).not.toHaveProperty('projects');
    expect((await request(t.url).get('/api/v1/budgeting/receipts/AAAA-BBBB-CCCC').expect(200)).body).toEqual({
      found: false,
    });

    await advance(c);
    expect((await cycle(c.id)).phase).toBe('tallied');
    const hidden = (await request(t.url).get(`/api/v1/budgeting/cycles/${c.id}/results`).expect(200)).body;
    expect(hidden.districts).toEqual([]);
    await advance(c);

    const results = (await request(t.url).get(`/api/v1/budgeting/cycles/${c.id}/results`).expect(200))
      .body as {
      districts: {
        districtId: string;
        result: {
          selected: string[];
          budgetUsed: number;
          projects: { id: string; votes: number; status: string }[];
        };
      }[];
    };
    const irg = results.districts.find((d) => d.districtId === district)!.result;
    const codes = (await cycle(c.id)).projects.filter((p) => ids.includes(p.id)).map((p) => p.code);
    // 15k: 3 votes, 30k: 2 votes (fits: 45k), 25k: 1 vote (does not fit the 5k left).
    expect(irg.selected).toEqual([codes[2], codes[0]]);
    expect(irg.budgetUsed).toBe(45_000);
    expect(irg.projects.find((p) => p.id === codes[1])).toMatchObject({ votes: 1, status: 'did-not-fit' });

    const after = (
      await request(t.url).get(`/api/v1/budgeting/receipts/${receipt.toLowerCase()}`).expect(200)
    ).body;
    expect(after).toMatchObject({ found: true, counted: true });
    const receiptPage = await request(t.url)
      .get(`/budgeting/receipt?code=${receipt}`)
      .set('accept', 'text/html')
      .set('cookie', 'locale=en');
    expect(receiptPage.text).toContain('received and counted');

    const page = await request(t.url)
      .get(`/budgeting/${c.id}/results`)
      .set('accept', 'text/html')
      .set('cookie', 'locale=en');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<svg class="chart"');
    expect(page.text).toContain('Not funded: did not fit the money left');
    expect(page.text).toContain('Budget used');

    const exported = await request(t.url)
      .get(`/api/v1/budgeting/cycles/${c.id}/districts/${district}/export.pb`)
      .expect(200);
    const pb = parsePb(exported.text);
    expect(pb.meta['num_votes']).toBe('3');
    expect(exported.text).not.toContain(residents['elvin']!.id);
    expect(
      tally('greedy', pb.election, { tieBreak: (a, b) => a.cost - b.cost || (a.id < b.id ? -1 : 1) })
        .selected,
    ).toEqual(irg.selected);

    const winner = (await cycle(c.id)).projects.find((p) => p.code === irg.selected[0])!;
    await api(staff)
      .post(`/admin/budgeting/projects/${winner.id}/updates`, {
        status: 'in-progress',
        progress: 40,
        spent: 6_000,
        note: { en: 'Contractor started work', az: 'Podratçı işə başladı' },
      })
      .expect(201);
    const tracked = await request(t.url)
      .get(`/budgeting/${c.id}/results`)
      .set('accept', 'text/html')
      .set('cookie', 'locale=en');
    expect(tracked.text).toContain('Contractor started work');
    expect(tracked.text).toContain('40% done');
  });

  it('imports a Pabulib file as a closed cycle with its results', async () => {
    const text = [
      'META',
      'key;value',
      'description;Test',
      'country;Poland',
      'unit;Testowo',
      'instance;2024',
      'num_projects;3',
      'num_votes;4',
      'budget;100,50',
      'vote_type;approval',
      'rule;greedy',
      'PROJECTS',
      'project_id;cost;votes;name',
      '1;60;3;Park',
      '2;50,50;2;Road',
      '3;40;1;Bench',
      'VOTES',
      'voter_id;vote',
      '1;1,2',
      '2;1,2',
      '3;1',
      '4;3',
      '',
    ].join('\n');
    const imported = (await api(staff).post('/admin/budgeting/import', { text }).expect(201)).body as {
      id: string;
      phase: string;
    };
    expect(imported.phase).toBe('published');
    const results = (await request(t.url).get(`/api/v1/budgeting/cycles/${imported.id}/results`).expect(200))
      .body;
    expect(results.districts[0].result.selected).toEqual(['1', '3']);
    const page = await new PageClient(t.url).get(`/budgeting/${imported.id}/results`);
    expect(page.status).toBe(200);
  });
});

describe('participatory budgeting demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('seeds a 2025 Dmanisi cycle in voting with proposals in several villages, and a Pabulib research cycle, once', async () => {
    const cycles = (await request(t.url).get('/api/v1/budgeting/cycles').expect(200)).body as {
      id: string;
      title: { en?: string; az?: string };
      phase: string;
      imported: boolean;
    }[];
    const dmanisi = cycles.find((c) => c.title.en === 'Dmanisi participatory budget 2025')!;
    expect(dmanisi).toMatchObject({ phase: 'voting', imported: false });
    expect(dmanisi.title.az).toBeTruthy();
    const details = (await request(t.url).get(`/api/v1/budgeting/cycles/${dmanisi.id}`).expect(200)).body as {
      projects: { districtId: string; title: { ka?: string; az?: string; en?: string } }[];
    };
    expect(new Set(details.projects.map((p) => p.districtId)).size).toBeGreaterThanOrEqual(3);
    expect(details.projects.every((p) => p.title.ka && p.title.az && p.title.en)).toBe(true);
    expect(cycles.filter((c) => c.imported && c.phase === 'published')).toHaveLength(1);
    // Where residents can act now comes first: voting, then proposals; the research import last.
    expect(cycles.map((c) => c.phase).slice(0, 2)).toEqual(['voting', 'proposals']);
    expect(cycles.at(-1)?.imported).toBe(true);

    await t.app.get(BudgetingDemoSeed).seedDemo();
    expect((await request(t.url).get('/api/v1/budgeting/cycles').expect(200)).body).toHaveLength(
      cycles.length,
    );
  });

  it('seeds a completed 2024 cycle with dated implementation updates, and 2026 proposals awaiting review with comments', async () => {
    const cycles = (await request(t.url).get('/api/v1/budgeting/cycles').expect(200)).body as {
      id: string;
      title: { en?: string };
      phase: string;
    }[];
    const past = cycles.find((c) => c.title.en === 'Dmanisi participatory budget 2024')!;
    expect(past.phase).toBe('published');
    const visitor = new PageClient(t.url);
    await visitor.get('/locale/en');
    const results = (await visitor.get(`/budgeting/${past.id}/results`)).text;
    expect(results).toContain('Kindergarten heating');
    expect(results).toContain('The heating runs before winter');
    expect(results).toContain('November 28, 2024');
    expect(results).toContain('100%');
    // The completing update carries a generated photo, served by its own route and described by the note.
    const photo =
      /<img src="(\/budgeting\/photos\/[0-9a-f-]+)" alt="The heating runs before winter[^"]*"/.exec(results);
    expect(photo).not.toBeNull();
    const png = await request(t.url)
      .get(photo?.[1] ?? '')
      .expect(200);
    expect(png.headers['content-type']).toBe('image/png');

    const next = cycles.find((c) => c.title.en === 'Dmanisi participatory budget 2026')!;
    expect(next.phase).toBe('proposals');
    const details = (await request(t.url).get(`/api/v1/budgeting/cycles/${next.id}`).expect(200)).body as {
      projects: { id: string; status: string; title: { ka?: string; az?: string; en?: string } }[];
    };
    expect(details.projects.length).toBeGreaterThanOrEqual(1);
    expect(details.projects.every((p) => p.status === 'proposed' && p.title.ka && p.title.az)).toBe(true);
    const pages = await Promise.all(details.projects.map((p) => visitor.get(`/budgeting/projects/${p.id}`)));
    const discussed = pages.map((p) => p.text).find((text) => text.includes('2 comments'));
    expect(discussed?.match(/class="comment-body"/g)).toHaveLength(2);
    expect(discussed).toContain('kran donmasın');
    // The fountain comes with its cost quote as a PDF.
    const quote = /href="(\/budgeting\/attachments\/[0-9a-f-]+)" download="fountain-cost-quote.pdf"/.exec(
      discussed ?? '',
    );
    expect(quote).not.toBeNull();
    const pdf = await request(t.url)
      .get(quote?.[1] ?? '')
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });
});
