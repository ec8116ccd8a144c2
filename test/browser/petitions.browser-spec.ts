import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, seriousViolations, startTestApp, TestApp } from '@chartuloba/testing';
import { closesOn, createResident, createUser, PASSWORD, setUpMunicipality } from '../support/petitions';

describe('petitions in a real browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    await setUpMunicipality(t, 200); // threshold 2: two signatures reach it
    const staff = await createUser(t, 'staff@test.ge', ['staff']);
    await createResident(t, staff.token, 'author@test.ge');
    await createResident(t, staff.token, 'elvin@test.ge');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(context: BrowserContext, login: string): Promise<Page> {
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

  async function post(page: Page, action: string): Promise<void> {
    await Promise.all([
      page.waitForLoadState('load'),
      page.click(`form[action="${action}"] button[type=submit]`),
    ]);
  }

  it('a resident starts and signs a petition, staff moderate and register it, and the count moves', async () => {
    const violations: string[] = [];

    // The author writes a draft and submits it.
    const author = await signIn(await browser.newContext({ locale: 'en-GB' }), 'author@test.ge');
    await author.goto(`${t.url}/locale/en?back=/petitions/new`);
    await author.goto(`${t.url}/petitions/new`);
    violations.push(...(await seriousViolations(author)));
    await author.selectOption('#kind', 'session-request');
    await author.fill('[id="title.en"]', 'A bus route to Irganchai');
    await author.fill('[id="title.az"]', 'İrqançaya avtobus marşrutu');
    await author.fill('[id="body.en"]', 'Two runs a day, morning and evening.');
    await author.fill('#closesOn', closesOn(20));
    await Promise.all([
      author.waitForURL(/\/petitions\/[0-9a-f-]{36}$/),
      author.click('form[action="/petitions/new"] button[type=submit]'),
    ]);
    const petitionUrl = author.url();
    const id = petitionUrl.split('/').pop() ?? '';
    await post(author, `/petitions/${id}/submit`);
    expect(await author.textContent('.badge')).toContain('Awaiting moderation');

    // Staff approve it on the desk.
    const staff = await signIn(await browser.newContext({ locale: 'en-GB' }), 'staff@test.ge');
    await staff.goto(`${t.url}/locale/en?back=/admin/petitions`);
    await staff.goto(`${t.url}/admin/petitions`);
    violations.push(...(await seriousViolations(staff)));
    await staff.click(`a[href="/admin/petitions/${id}"]`);
    violations.push(...(await seriousViolations(staff)));
    await post(staff, `/admin/petitions/${id}/open`);
    expect(await staff.textContent('.badge')).toContain('Open for signatures');

    // A resident finds it in the list and signs; the count moves.
    const resident = await signIn(await browser.newContext({ locale: 'en-GB' }), 'elvin@test.ge');
    await resident.goto(`${t.url}/locale/en?back=/petitions`);
    await resident.goto(`${t.url}/petitions?status=open&sort=signatures`);
    violations.push(...(await seriousViolations(resident)));
    await Promise.all([resident.waitForURL(petitionUrl), resident.click('text=A bus route to Irganchai')]);
    expect(await resident.textContent('[data-testid=signature-count]')).toContain('0 signatures');
    expect(await resident.textContent('.facts')).toContain('1% of 200 registered voters');
    violations.push(...(await seriousViolations(resident)));
    await post(resident, `/petitions/${id}/sign`);
    expect(await resident.textContent('.flash')).toContain('your signature was counted');
    expect(await resident.textContent('[data-testid=signature-count]')).toContain('1 signature');

    // The author signs too: the threshold (2) is reached.
    await author.goto(petitionUrl);
    await post(author, `/petitions/${id}/sign`);
    expect(await author.textContent('[data-testid=signature-count]')).toContain('2 signatures');
    expect(await author.textContent('.badge')).toContain('Threshold reached');

    // Staff register it: a registration number and a printable certificate.
    await staff.goto(`${t.url}/admin/petitions/${id}`);
    await post(staff, `/admin/petitions/${id}/register`);
    expect(await staff.textContent('.badge')).toContain('Registered');
    await staff.goto(`${t.url}/petitions/${id}/certificate`);
    expect(await staff.textContent('.certificate .number')).toMatch(/^P-\d{4}-\d{4}$/);
    violations.push(...(await seriousViolations(staff)));

    expect(violations).toEqual([]);
  });

  it('works without JavaScript: signing is a plain form post', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
    const page = await signIn(context, 'elvin@test.ge');
    await page.goto(`${t.url}/petitions`);
    expect(await page.locator('.cards li').count()).toBeGreaterThan(0);
  });
});
