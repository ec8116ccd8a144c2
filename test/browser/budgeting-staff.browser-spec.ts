import request from 'supertest';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { MunicipalityService } from '@chartuloba/platform';
import { UserProvisioningService } from '@chartuloba/identity';
import { launchChromium, seriousViolations, startTestApp, TestApp } from '@chartuloba/testing';
import { solidPng } from '../support/png';
import { bearerToken } from '../support/pages';

const PASSWORD = 'correct horse battery';

describe('the participatory-budgeting staff pages in a real browser, without JavaScript', () => {
  let t: TestApp;
  let browser: Browser;
  let checker: Page;
  let staffToken: string;
  let residentToken: string;
  const findings: string[] = [];

  const post = (token: string, path: string, body: object = {}) =>
    request(t.url).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body);

  const bearerFor = (login: string) => bearerToken(t.url, login, PASSWORD);

  /**
   * axe runs inside the page, so it needs JavaScript. The staff pages are driven with JavaScript off; each
   * state they reach (a refused post included) is replayed at its own address in a scripted tab.
   */
  async function audit(page: Page): Promise<void> {
    const html = await page.content();
    const url = page.url();
    await checker.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
    await checker.goto(url);
    await checker.unroute(url);
    findings.push(...(await seriousViolations(checker)));
  }

  async function submit(page: Page, selector: string): Promise<void> {
    await Promise.all([page.waitForLoadState('load'), page.click(selector)]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    const municipality = t.app.get(MunicipalityService);
    await municipality.create('dmanisi', { ka: 'დმანისი', en: 'Dmanisi' }, [
      { slug: 'irganchai', kind: 'village', name: { ka: 'ირგანჩაი', az: 'İrqançay', en: 'Irganchai' } },
    ]);
    const irganchai = (await municipality.settlements())[0]!.id;
    const provisioning = t.app.get(UserProvisioningService);
    await provisioning.create({
      email: 'staff@test.ge',
      displayName: 'Staff',
      password: PASSWORD,
      roles: ['staff'],
    });
    staffToken = await bearerFor('staff@test.ge');
    const resident = await provisioning.create({
      email: 'elvin@test.ge',
      displayName: 'Elvin',
      password: PASSWORD,
      roles: [],
    });
    await post(staffToken, `/admin/accounts/${resident.id}/residency`, {
      personalNumber: '01001000001',
      settlementId: irganchai,
      birthYear: 1980,
    }).expect(204);
    residentToken = await bearerFor('elvin@test.ge');
    browser = await launchChromium();
    checker = await (await browser.newContext({ locale: 'en-US' })).newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(context: BrowserContext): Promise<Page> {
    await context.addCookies([{ name: 'locale', value: 'en', url: t.url }]);
    const page = await context.newPage();
    await page.goto(`${t.url}/sign-in`);
    await page.fill('#login', 'staff@test.ge');
    await page.fill('#password', PASSWORD);
    await Promise.all([
      page.waitForURL(`${t.url}/account`),
      page.click('form[action="/sign-in"] button[type=submit]'),
    ]);
    return page;
  }

  it('creates a cycle, reviews proposals and enters a paper ballot, every state free of serious axe findings', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await signIn(context);

    await page.goto(`${t.url}/admin/budgeting`);
    await audit(page);
    await page.click('a[href="/admin/budgeting/new"]');
    await audit(page);
    await page.fill('[id="title.en"]', 'Irganchai budget 2026');
    await page.fill('#totalBudget', '-5');
    await page.fill('[id^="district."]', '40000');
    await page.selectOption('#ballotType', 'approval');
    await submit(page, 'form[action="/admin/budgeting/new"] button[type=submit]');
    expect(await page.textContent('#totalBudget-error')).toBeTruthy();
    expect(await page.getAttribute('#totalBudget', 'aria-describedby')).toContain('totalBudget-error');
    expect(await page.inputValue('[id="title.en"]')).toBe('Irganchai budget 2026');
    expect(await page.inputValue('#ballotType')).toBe('approval');
    await audit(page);

    await page.fill('#totalBudget', '40000');
    await submit(page, 'form[action="/admin/budgeting/new"] button[type=submit]');
    const cycleId = /\/admin\/budgeting\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    expect(cycleId).toBeDefined();
    expect(await page.textContent('h1')).toContain('Irganchai budget 2026');
    await audit(page);

    const cycle = (await request(t.url).get(`/api/v1/budgeting/cycles/${cycleId}`).expect(200)).body as {
      districts: { id: string; settlementId: string | null }[];
    };
    const district = cycle.districts.find((d) => d.settlementId !== null)!.id;
    const ids: Record<string, string> = {};
    for (const [title, cost] of [
      ['Water pipe', 20_000],
      ['Golden statue', 15_000],
    ] as const) {
      const created = await post(residentToken, `/budgeting/cycles/${cycleId}/projects`, {
        districtId: district,
        title: { en: title },
        description: { en: `${title} for the village` },
        estimatedCost: cost,
      }).expect(201);
      ids[title] = (created.body as { id: string }).id;
    }
    await submit(page, `form[action="/admin/budgeting/${cycleId}/advance"] button[type=submit]`);
    expect(await page.textContent('main')).toContain('Review');

    await page.goto(`${t.url}/admin/budgeting/${cycleId}/review`);
    await audit(page);
    const statue = ids['Golden statue']!;
    await submit(page, `form[action="/admin/budgeting/projects/${statue}/review"] button[value=reject]`);
    expect(await page.textContent(`[id="reason-${statue}-error"]`)).toBeTruthy();
    await audit(page);
    await page.fill(`[id="reason-${statue}.en"]`, 'A statue is not a municipal competence.');
    await submit(page, `form[action="/admin/budgeting/projects/${statue}/review"] button[value=reject]`);
    expect(await page.textContent('main')).toContain('A statue is not a municipal competence.');
    const pipe = ids['Water pipe']!;
    await page.check(`#feasible-${pipe}`);
    await page.check(`#legal-${pipe}`);
    await submit(page, `form[action="/admin/budgeting/projects/${pipe}/review"] button[value=shortlist]`);
    expect(await page.locator(`form[action="/admin/budgeting/projects/${pipe}/review"]`).count()).toBe(0);
    await audit(page);

    await post(staffToken, `/admin/budgeting/cycles/${cycleId}/advance`).expect(200);
    await page.goto(`${t.url}/admin/budgeting/${cycleId}/paper?district=${district}`);
    await audit(page);
    await page.fill('#paperNumber', 'IRG-1');
    await page.fill('#personalNumber', '01001000077');
    await page.fill('#projects', 'P999');
    await submit(page, `form[action="/admin/budgeting/${cycleId}/paper"][method=post] button[type=submit]`);
    expect(await page.textContent('#projects-error')).toBeTruthy();
    expect(await page.inputValue('#paperNumber')).toBe('IRG-1');
    await audit(page);
    const code = /P\d{3}/.exec((await page.textContent('table')) ?? '')?.[0] ?? '';
    await page.fill('#projects', code);
    await submit(page, `form[action="/admin/budgeting/${cycleId}/paper"][method=post] button[type=submit]`);
    expect(await page.textContent('[role=status]')).toContain('IRG-1');
    await audit(page);

    // Tallied and published: the implementation form with its photo input, refused and accepted.
    await post(staffToken, `/admin/budgeting/cycles/${cycleId}/advance`).expect(200);
    await post(staffToken, `/admin/budgeting/cycles/${cycleId}/advance`).expect(200);
    await page.goto(`${t.url}/admin/budgeting/${cycleId}/implementation`);
    expect(await page.locator(`#photo-${pipe}[type=file]`).count()).toBe(1);
    await audit(page);
    const updates = `form[action="/admin/budgeting/projects/${pipe}/updates"] button[type=submit]`;
    await page.fill(`#progress-${pipe}`, '20');
    await page.fill(`[name="note-${pipe}.en"]`, 'Trench dug along the street.');
    await page.setInputFiles(`#photo-${pipe}`, {
      name: 'trench.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not a picture'),
    });
    await submit(page, updates);
    expect(await page.textContent(`#photo-${pipe}-error`)).toBeTruthy();
    await audit(page);
    await page.setInputFiles(`#photo-${pipe}`, {
      name: 'trench.png',
      mimeType: 'image/png',
      buffer: solidPng(64, 48),
    });
    await submit(page, updates);
    await page.goto(`${t.url}/budgeting/${cycleId}/results`);
    expect(await page.getAttribute('img[loading=lazy]', 'alt')).toBe('Trench dug along the street.');
    await audit(page);

    // The staff page lists the update with its photo; the photo's own button, named after it, removes it.
    await page.goto(`${t.url}/admin/budgeting/${cycleId}/implementation`);
    await audit(page);
    const remove = page.getByRole('button', { name: 'Remove photo trench.png' });
    await Promise.all([page.waitForLoadState('load'), remove.click()]);
    expect(await remove.count()).toBe(0);
    expect(await page.textContent('[role=status]')).toContain('The photo is removed');
    await audit(page);
    await page.goto(`${t.url}/budgeting/${cycleId}/results`);
    expect(await page.locator('img[loading=lazy]').count()).toBe(0);

    await context.close();
    expect(findings).toEqual([]);
  });
});
