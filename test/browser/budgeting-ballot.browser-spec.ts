import request from 'supertest';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { MunicipalityService } from '@chartuloba/platform';
import { UserProvisioningService } from '@chartuloba/identity';
import { launchChromium, seriousViolations, startTestApp, TestApp } from '@chartuloba/testing';
import { bearerToken } from '../support/pages';

const PASSWORD = 'correct horse battery';

describe('a knapsack ballot in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let staff: string;
  let cycleId: string;
  let districtId: string;

  const post = (path: string, body: object = {}) =>
    request(t.url).post(`/api/v1${path}`).auth(staff, { type: 'bearer' }).send(body);

  const bearerFor = (login: string) => bearerToken(t.url, login, PASSWORD);

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
    staff = await bearerFor('staff@test.ge');
    for (const [i, name] of ['elvin', 'nigar'].entries()) {
      const user = await provisioning.create({
        email: `${name}@test.ge`,
        displayName: name,
        password: PASSWORD,
        roles: [],
      });
      await post(`/admin/accounts/${user.id}/residency`, {
        personalNumber: `0100100000${i}`,
        settlementId: irganchai,
        birthYear: 1980,
      }).expect(204);
    }
    const cycle = await post('/admin/budgeting/cycles', {
      title: { ka: 'ბიუჯეტი 2025', en: 'Dmanisi budget 2025' },
      rules: { en: 'Verified residents aged 16 and over vote.' },
      totalBudget: 50_000,
      districtBudgets: [{ settlementId: irganchai, budget: 50_000 }],
      ballotType: 'knapsack',
      outcomeRule: 'greedy',
    }).expect(201);
    cycleId = (cycle.body as { id: string }).id;
    const details = (await request(t.url).get(`/api/v1/budgeting/cycles/${cycleId}`).expect(200)).body as {
      districts: { id: string }[];
    };
    districtId = details.districts[0]!.id;
    const author = await bearerFor('elvin@test.ge');
    const projects: [string, number][] = [
      ['Water pipe', 30_000],
      ['Playground', 25_000],
      ['Street lamps', 15_000],
    ];
    const ids: string[] = [];
    for (const [title, cost] of projects) {
      const created = await request(t.url)
        .post(`/api/v1/budgeting/cycles/${cycleId}/projects`)
        .auth(author, { type: 'bearer' })
        .send({ districtId, title: { en: title }, description: { en: title }, estimatedCost: cost })
        .expect(201);
      ids.push((created.body as { id: string }).id);
    }
    await post(`/admin/budgeting/cycles/${cycleId}/advance`).expect(200);
    for (const [i, id] of ids.entries()) {
      await post(`/admin/budgeting/projects/${id}/review`, {
        decision: 'shortlist',
        feasible: true,
        legal: true,
        costEstimate: projects[i]![1],
      }).expect(200);
    }
    await post(`/admin/budgeting/cycles/${cycleId}/advance`).expect(200);
    browser = await launchChromium();
    // Booting the app and arranging a whole cycle over HTTP can be slow on a busy machine.
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(context: BrowserContext, login: string): Promise<Page> {
    await context.addCookies([{ name: 'locale', value: 'en', url: t.url }]);
    const page = await context.newPage();
    await page.goto(`${t.url}/sign-in`);
    await page.fill('#login', login);
    await page.fill('#password', PASSWORD);
    await Promise.all([
      page.waitForURL(`${t.url}/account`),
      page.click('form[action="/sign-in"] button[type=submit]'),
    ]);
    return page;
  }

  const ballotUrl = () => `${t.url}/budgeting/${cycleId}/vote/${districtId}`;
  const submit = async (page: Page) =>
    Promise.all([page.waitForLoadState('load'), page.click('form.ballot button[type=submit]')]);

  it('shows the running total as projects are ticked, refuses an over-budget ballot, and stores a fitting one', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await signIn(context, 'elvin@test.ge');
    await page.goto(ballotUrl());
    expect(await page.textContent('#left-text')).toContain('50,000');
    await page.check('label:has-text("Water pipe")');
    await page.waitForFunction(() => document.getElementById('left-text')?.textContent?.includes('20,000'));
    expect(await page.textContent('#total-text')).toContain('30,000');
    await page.check('label:has-text("Playground")');
    await page.waitForFunction(() =>
      document.getElementById('left-text')?.textContent?.includes('Over the budget'),
    );
    expect(await page.textContent('#left-text')).toContain('5,000');
    expect(await seriousViolations(page)).toEqual([]);

    await submit(page);
    expect(await page.textContent('#projects-error')).toContain('more than the budget');
    expect(await page.isChecked('label:has-text("Playground")')).toBe(true);
    await page.uncheck('label:has-text("Playground")');
    await page.check('label:has-text("Street lamps")');
    await page.waitForFunction(() => document.getElementById('left-text')?.textContent?.includes('5,000'));
    await submit(page);
    expect(page.url()).toBe(ballotUrl());
    expect(await page.textContent('.confirmation')).toMatch(
      /receipt code: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/,
    );
    await context.close();
  });

  it('works with JavaScript off: the server shows the total and its validation message', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await signIn(context, 'nigar@test.ge');
    await page.goto(ballotUrl());
    await page.check('label:has-text("Water pipe")');
    await page.check('label:has-text("Playground")');
    await submit(page);
    expect(await page.textContent('#projects-error')).toContain('55,000');
    expect(await page.textContent('#left-text')).toContain('Over the budget');
    await page.uncheck('label:has-text("Playground")');
    await submit(page);
    expect(await page.textContent('.confirmation')).toContain('Your ballot is stored');
    const receipt = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(
      (await page.textContent('.confirmation')) ?? '',
    )?.[1];
    expect(receipt).toBeDefined();

    await post(`/admin/budgeting/cycles/${cycleId}/advance`).expect(200);
    await post(`/admin/budgeting/cycles/${cycleId}/advance`).expect(200);

    await page.goto(`${t.url}/budgeting/${cycleId}/results`);
    expect(await page.textContent('h1')).toContain('Dmanisi budget 2025');
    const waterRow = await page.textContent('tr:has-text("Water pipe")');
    expect(waterRow).toContain('Funded');
    expect(await page.textContent('tr:has-text("Playground")')).toContain('did not fit');
    expect(await page.locator('svg.chart').count()).toBe(1);
    await page.goto(`${t.url}/budgeting/receipt?code=${receipt}`);
    expect(await page.textContent('[role=status]')).toContain('counted');
    await context.close();

    // axe runs inside the page, so the accessibility check of the results needs a JavaScript-enabled tab.
    const checker = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await checker.goto(`${t.url}/budgeting/${cycleId}/results`);
    expect(await seriousViolations(checker)).toEqual([]);
    // On a small phone the results table scrolls inside its own box; the page itself never scrolls sideways.
    await checker.setViewportSize({ width: 360, height: 740 });
    expect(await checker.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
      true,
    );
    await checker.context().close();
  });
});
