import request from 'supertest';
import { UserProvisioningService } from '@chartuloba/identity';
import { MunicipalityService, type Locale } from '@chartuloba/platform';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { az } from '../../libs/budgeting/src/i18n/az';
import { ka } from '../../libs/budgeting/src/i18n/ka';
import { queuedMessageKeys } from '../support/mail-jobs';
import { bearerToken, PageClient } from '../support/pages';

const PASSWORD = 'correct horse battery';

interface Cycle {
  id: string;
  districts: { id: string }[];
  projects: { id: string; code: string; status: string }[];
}

describe('merging proposals with their authors’ agreement, through the pages', () => {
  let t: TestApp;
  let staffToken: string;
  let staff: PageClient;
  let irganchai: string;
  const tokens: Record<string, string> = {};
  const pages: Record<string, PageClient> = {};

  const bearerFor = (login: string) => bearerToken(t.url, login, PASSWORD);
  const api = (token: string) => ({
    post: (path: string, body: object = {}) =>
      request(t.url).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  });
  async function cycleOf(id: string): Promise<Cycle> {
    return (await request(t.url).get(`/api/v1/budgeting/cycles/${id}`).expect(200)).body as Cycle;
  }

  /** A cycle in review (or, asked so, still collecting proposals) with one proposal by Elvin and one by Aysel. */
  async function twoProposals(
    inReview = true,
  ): Promise<{ c: Cycle; a: string; b: string; codeOf: (id: string) => string }> {
    const created = await api(staffToken)
      .post('/admin/budgeting/cycles', {
        title: { en: 'Budget' },
        rules: { en: 'Rules' },
        totalBudget: 50_000,
        districtBudgets: [{ settlementId: irganchai, budget: 50_000 }],
        ballotType: 'approval',
        outcomeRule: 'greedy',
      })
      .expect(201);
    const cycleId = (created.body as { id: string }).id;
    const districtId = (await cycleOf(cycleId)).districts[0]!.id;
    const propose = async (who: string, title: string) =>
      (
        (
          await api(tokens[who]!)
            .post(`/budgeting/cycles/${cycleId}/projects`, {
              districtId,
              title: { en: title },
              description: { en: title },
              estimatedCost: 10_000,
            })
            .expect(201)
        ).body as { id: string }
      ).id;
    const a = await propose('elvin', 'Playground swings');
    const b = await propose('aysel', 'Playground slide');
    if (inReview) {
      await api(staffToken).post(`/admin/budgeting/cycles/${cycleId}/advance`).expect(200);
    }
    const c = await cycleOf(cycleId);
    return { c, a, b, codeOf: (id) => c.projects.find((p) => p.id === id)!.code };
  }

  async function askToMerge(c: Cycle, source: string, target: string) {
    const asked = await staff.submit(
      `/admin/budgeting/${c.id}/review`,
      { targetId: target },
      `/admin/budgeting/projects/${source}/merge`,
    );
    expect(asked.status).toBe(303);
  }

  const statusOf = async (c: Cycle, id: string) =>
    (await cycleOf(c.id)).projects.find((p) => p.id === id)!.status;
  const consentsOf = async (source: string) =>
    (await t.dataSource.query(
      `SELECT author_id AS "authorId", agreed_at IS NOT NULL AS agreed
       FROM budgeting_merge_consents WHERE source_id = $1 ORDER BY author_id`,
      [source],
    )) as { authorId: string; agreed: boolean }[];
  const auditOf = async (id: string) =>
    (
      (await t.dataSource.query(
        `SELECT action FROM platform_audit_log WHERE subject_type = 'budgeting-project' AND subject_id = $1
         ORDER BY id`,
        [id],
      )) as { action: string }[]
    ).map((r) => r.action);
  /** Mails are written to the job outbox in the asking transaction, so this needs no waiting on SMTP. */
  const mergeMailsAbout = async (source: string) =>
    (await queuedMessageKeys(t, `budgeting:merge-asked:${source}:`)).length;

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
    staff = new PageClient(t.url);
    await staff.submit('/sign-in', { login: 'staff@test.ge', password: PASSWORD });
    const people: [string, Locale][] = [
      ['elvin', 'ka'],
      ['aysel', 'az'],
      ['nino', 'ka'],
    ];
    for (const [i, [name, locale]] of people.entries()) {
      const user = await provisioning.create({
        email: `${name}@test.ge`,
        displayName: name,
        password: PASSWORD,
        roles: [],
        locale,
      });
      await api(staffToken)
        .post(`/admin/accounts/${user.id}/residency`, {
          personalNumber: `0300300000${i}`,
          settlementId: irganchai,
          birthYear: 1980,
        })
        .expect(204);
      tokens[name] = await bearerFor(`${name}@test.ge`);
      pages[name] = new PageClient(t.url);
      await pages[name].submit('/sign-in', { login: `${name}@test.ge`, password: PASSWORD });
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('tells each author by mail in their language; one agrees, the other declines, and they stay separate', async () => {
    const { c, a, b, codeOf } = await twoProposals();
    await askToMerge(c, a, b);

    await t.drainJobs();
    const toElvin = await t.smtp.waitFor(
      (m) => m.to.includes('elvin@test.ge') && m.subject === ka['budgeting.mail.merge.subject'],
    );
    expect(toElvin.text).toContain(`/budgeting/projects/${a}`);
    expect(toElvin.text).toContain(codeOf(b));
    const toAysel = await t.smtp.waitFor(
      (m) => m.to.includes('aysel@test.ge') && m.subject === az['budgeting.mail.merge.subject'],
    );
    expect(toAysel.text).toContain(`/budgeting/projects/${b}`);
    expect(toAysel.text).toContain(codeOf(a));

    // The asked author sees the request, linked to the other proposal, with both buttons.
    const elvinsPage = await pages['elvin']!.get(`/budgeting/projects/${a}`);
    expect(elvinsPage.text).toContain(ka['budgeting.merge.title']);
    expect(elvinsPage.text).toContain(`href="/budgeting/projects/${b}"`);
    expect(elvinsPage.text).toContain(`action="/budgeting/projects/${a}/merge/${b}/agree"`);
    expect(elvinsPage.text).toContain(`action="/budgeting/projects/${a}/merge/${b}/decline"`);
    // Nobody else does.
    for (const viewer of [pages['nino']!, new PageClient(t.url)]) {
      expect((await viewer.get(`/budgeting/projects/${a}`)).text).not.toContain('/merge/');
    }

    const agreed = await pages['elvin']!.submit(
      `/budgeting/projects/${a}`,
      {},
      `/budgeting/projects/${a}/merge/${b}/agree`,
    );
    expect(agreed.status).toBe(303);
    expect(agreed.headers['location']).toBe(`/budgeting/projects/${a}`);
    expect((await pages['elvin']!.get(`/budgeting/projects/${a}`)).text).toContain(
      ka['budgeting.merge.agreed'],
    );
    expect(await statusOf(c, a)).toBe('proposed');

    // Aysel answers from her own proposal's page, which is the merge's target.
    const ayselsPage = await pages['aysel']!.get(`/budgeting/projects/${b}`);
    expect(ayselsPage.text).toContain(`href="/budgeting/projects/${a}"`);
    const declined = await pages['aysel']!.submit(
      `/budgeting/projects/${b}`,
      {},
      `/budgeting/projects/${a}/merge/${b}/decline`,
    );
    expect(declined.status).toBe(303);
    expect(declined.headers['location']).toBe(`/budgeting/projects/${b}`);
    expect((await pages['aysel']!.get(`/budgeting/projects/${b}`)).text).not.toContain('/merge/');

    expect(await statusOf(c, a)).toBe('proposed');
    expect(await statusOf(c, b)).toBe('proposed');
    const late = await api(tokens['aysel']!).post(`/budgeting/projects/${a}/merge/${b}/agree`);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('budgeting.merge-declined');
    const latePage = await pages['elvin']!.submit(
      `/budgeting/projects/${a}`,
      {},
      `/budgeting/projects/${a}/merge/${b}/agree`,
    );
    expect(latePage.status).toBe(409);
    expect(latePage.text).toContain(ka['errors.budgeting.merge-declined']);

    const review = await staff.get(`/admin/budgeting/${c.id}/review`);
    expect(review.text).toContain(ka['budgeting.staff.merge-declined'].replace('{code}', codeOf(b)));
    const audit = (await t.dataSource.query(
      `SELECT action FROM platform_audit_log WHERE subject_type = 'budgeting-project' AND subject_id = $1
       ORDER BY id`,
      [a],
    )) as { action: string }[];
    expect(audit.map((r) => r.action)).toEqual([
      'budgeting.proposed',
      'budgeting.merge-requested',
      'budgeting.merge-agreed',
      'budgeting.merge-declined',
    ]);
  });

  it('merges once both authors agree on their pages, and the public page says so', async () => {
    const { c, a, b, codeOf } = await twoProposals();
    await askToMerge(c, a, b);
    for (const [who, page] of [
      ['elvin', a],
      ['aysel', b],
    ] as const) {
      const agreed = await pages[who]!.submit(
        `/budgeting/projects/${page}`,
        {},
        `/budgeting/projects/${a}/merge/${b}/agree`,
      );
      expect(agreed.status).toBe(303);
    }
    expect(await statusOf(c, a)).toBe('merged');
    expect(await statusOf(c, b)).toBe('proposed');
    const merged = await new PageClient(t.url).get(`/budgeting/projects/${a}`);
    expect(merged.text).toContain(ka['budgeting.project.status.merged']);
    expect(merged.text).toContain(`<a href="/budgeting/projects/${b}">${codeOf(b)} · Playground slide</a>`);
  });

  it('refuses an answer from someone who was not asked, on the page and in the API', async () => {
    const { c, a, b } = await twoProposals();
    await askToMerge(c, a, b);
    const forged = await pages['nino']!.submit(
      `/budgeting/projects/${a}`,
      {},
      `/budgeting/projects/${a}/merge/${b}/agree`,
    );
    expect(forged.status).toBe(403);
    const forgedDecline = await pages['nino']!.submit(
      `/budgeting/projects/${a}`,
      {},
      `/budgeting/projects/${a}/merge/${b}/decline`,
    );
    expect(forgedDecline.status).toBe(403);
    await api(tokens['nino']!).post(`/budgeting/projects/${a}/merge/${b}/decline`).expect(403);
    expect(await statusOf(c, a)).toBe('proposed');
    expect((await pages['elvin']!.get(`/budgeting/projects/${a}`)).text).toContain('/merge/');
  });

  it('refuses a merge request before review, in the API and on the page, asking nobody', async () => {
    const { c, a, b } = await twoProposals(false);
    const refused = await api(staffToken).post(`/admin/budgeting/projects/${a}/merge`, { targetId: b });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'budgeting.merges-closed' });
    const onPage = await staff.submit(
      `/admin/budgeting/${c.id}/review`,
      { targetId: b },
      `/admin/budgeting/projects/${a}/merge`,
    );
    expect(onPage.status).toBe(409);
    expect(onPage.text).toContain(ka['errors.budgeting.merges-closed']);
    expect(onPage.text).toContain('href="#review-closed"');

    expect(await consentsOf(a)).toEqual([]);
    expect(await auditOf(a)).toEqual(['budgeting.proposed']);
    expect(await mergeMailsAbout(a)).toBe(0);
  });

  it('does not merge on an agreement that arrives after the cycle left review', async () => {
    const { c, a, b } = await twoProposals();
    await askToMerge(c, a, b);
    expect(await mergeMailsAbout(a)).toBe(2);
    await api(tokens['elvin']!).post(`/budgeting/projects/${a}/merge/${b}/agree`).expect(204);
    for (const id of [a, b]) {
      await api(staffToken)
        .post(`/admin/budgeting/projects/${id}/review`, {
          decision: 'shortlist',
          feasible: true,
          legal: true,
          costEstimate: 10_000,
        })
        .expect(200);
    }
    await api(staffToken).post(`/admin/budgeting/cycles/${c.id}/advance`).expect(200);

    // The request is no longer offered, and answering it anyway (an old mail's link) is refused.
    expect((await pages['aysel']!.get(`/budgeting/projects/${b}`)).text).not.toContain('/merge/');
    const late = await api(tokens['aysel']!).post(`/budgeting/projects/${a}/merge/${b}/agree`);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'budgeting.merges-closed' });
    const latePage = await pages['aysel']!.submit(
      `/budgeting/projects/${b}`,
      {},
      `/budgeting/projects/${a}/merge/${b}/agree`,
    );
    expect(latePage.status).toBe(409);
    expect(latePage.text).toContain(ka['errors.budgeting.merges-closed']);

    expect(await statusOf(c, a)).toBe('shortlisted');
    expect(await statusOf(c, b)).toBe('shortlisted');
    expect((await consentsOf(a)).filter((consent) => consent.agreed)).toHaveLength(1);
    expect(await auditOf(a)).not.toContain('budgeting.merged');
  });
});
