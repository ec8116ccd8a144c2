import { Browser, BrowserContext, Page } from 'playwright-core';
import { MunicipalityService } from '@chartuloba/platform';
import { UserProvisioningService } from '@chartuloba/identity';
import { launchChromium, seriousViolations, startTestApp, TestApp } from '@chartuloba/testing';
import { linkIn } from '../support/pages';

const PASSWORD = 'correct horse battery';

describe('the web shell in a real browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app
      .get(MunicipalityService)
      .create('dmanisi', { ka: 'დმანისი', en: 'Dmanisi' }, [
        { slug: 'irganchai', kind: 'village', name: { ka: 'ირგანჩაი', en: 'Irganchai' } },
      ]);
    await t.app
      .get(UserProvisioningService)
      .create({ email: 'staff@test.ge', displayName: 'Tamar Staff', password: PASSWORD, roles: ['staff'] });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(context: BrowserContext, login: string, password: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${t.url}/sign-in`);
    await page.fill('#login', login);
    await page.fill('#password', password);
    await Promise.all([
      page.waitForURL(`${t.url}/account`),
      page.click('form[action="/sign-in"] button[type=submit]'),
    ]);
    return page;
  }

  it('signs up, confirms, signs in and switches language through the pages', async () => {
    const context = await browser.newContext({ locale: 'ka-GE' });
    const page = await context.newPage();
    await page.goto(`${t.url}/sign-up`);
    expect(await page.getAttribute('html', 'lang')).toBe('ka');
    await page.fill('#displayName', 'Nino Beridze');
    await page.fill('#email', 'nino@test.ge');
    await page.fill('#password', PASSWORD);
    await Promise.all([
      page.waitForURL(`${t.url}/sign-in`),
      page.click('form[action="/sign-up"] button[type=submit]'),
    ]);
    expect(await page.textContent('.flash')).toBeTruthy();

    const mail = await t.smtp.waitFor((m) => m.to.includes('nino@test.ge'));
    await page.goto(`${t.url}${linkIn(mail.text, '/verify-email')}`);
    expect(page.url()).toBe(`${t.url}/sign-in`);

    const signedIn = await signIn(context, 'nino@test.ge', PASSWORD);
    expect(await signedIn.textContent('h1')).toBe('თქვენი ანგარიში');
    expect(await signedIn.textContent('.account-nav')).toContain('Nino Beridze');

    await Promise.all([signedIn.waitForURL(`${t.url}/account`), signedIn.click('.languages a[hreflang=en]')]);
    expect(await signedIn.getAttribute('html', 'lang')).toBe('en');
    expect(await signedIn.textContent('h1')).toBe('Your account');
    await signedIn.goto(`${t.url}/`);
    expect(await signedIn.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  }, 180_000);

  it('works with JavaScript disabled: sign in, a validation message, sign out', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${t.url}/sign-up`);
    await page.fill('#email', 'not-an-email');
    await page.click('form[action="/sign-up"] button[type=submit]');
    expect(await page.textContent('#email-error')).toContain('e-mail');
    expect(await page.textContent('.error-summary')).toBeTruthy();

    const signedIn = await signIn(context, 'staff@test.ge', PASSWORD);
    await signedIn.goto(`${t.url}/admin/accounts`);
    expect(await signedIn.textContent('h1')).toBe('Accounts');
    await Promise.all([signedIn.waitForURL(`${t.url}/`), signedIn.click('.account-nav button[type=submit]')]);
    expect(await signedIn.textContent('.account-nav')).toContain('Sign in');
    await context.close();
  }, 180_000);

  it('has no serious or critical accessibility violation on any shell page', async () => {
    const problems: string[] = [];
    const visitor = await browser.newContext({ locale: 'ka-GE' });
    const page = await visitor.newPage();
    for (const path of [
      '/',
      '/sign-up',
      '/sign-in',
      '/sign-in/code',
      '/forgot-password',
      '/reset-password?token=x',
      '/no-such-page',
    ]) {
      await page.goto(`${t.url}${path}`);
      problems.push(...(await seriousViolations(page)));
    }
    await page.goto(`${t.url}/sign-in`);
    await page.fill('#login', 'x');
    await page.click('form[action="/sign-in"] button[type=submit]');
    problems.push(...(await seriousViolations(page)));
    await visitor.close();

    const staffContext = await browser.newContext({ locale: 'en-US' });
    const staff = await signIn(staffContext, 'staff@test.ge', PASSWORD);
    problems.push(...(await seriousViolations(staff)));
    await staff.goto(`${t.url}/admin/accounts`);
    problems.push(...(await seriousViolations(staff)));
    await staff.goto(`${t.url}/admin/accounts/new`);
    problems.push(...(await seriousViolations(staff)));
    await staff.fill('#displayName', 'Rashid Aliyev');
    await staff.click('form[action="/admin/accounts/new"] button[type=submit]');
    expect(await staff.textContent('.code-sheet')).toContain('Rashid Aliyev');
    problems.push(...(await seriousViolations(staff)));
    await staff.goto(`${t.url}/admin/accounts?q=Rashid`);
    await staff.click('table a');
    problems.push(...(await seriousViolations(staff)));
    await staff.fill('#personalNumber', '123');
    await staff.click('form[action$="/residency"] button[type=submit]');
    expect(await staff.textContent('#personalNumber-error')).toContain('11');
    problems.push(...(await seriousViolations(staff)));
    await staffContext.close();

    expect(problems).toEqual([]);
  }, 180_000);
});
