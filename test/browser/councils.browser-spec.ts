import { readFileSync } from 'node:fs';
import { Browser } from 'playwright-core';
import request from 'supertest';
import { minimalPdf, MunicipalityService } from '@chartuloba/platform';
import { UserProvisioningService } from '@chartuloba/identity';
import { launchChromium, seriousViolations, startTestApp, TestApp } from '@chartuloba/testing';

const PASSWORD = 'correct horse battery';
const DAY = 24 * 60 * 60 * 1000;

describe('council sessions in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let bodyId: string;
  let heldId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app
      .get(MunicipalityService)
      .create('dmanisi', { ka: 'დმანისი', en: 'Dmanisi' }, [
        { slug: 'irganchai', kind: 'village', name: { ka: 'ირგანჩაი', en: 'Irganchai' } },
      ]);
    const provisioning = t.app.get(UserProvisioningService);
    await provisioning.create({
      email: 'staff@test.ge',
      displayName: 'Tamar Staff',
      password: PASSWORD,
      roles: ['staff'],
    });
    const secretary = await provisioning.create({
      email: 'secretary@test.ge',
      displayName: 'Maia Secretary',
      password: PASSWORD,
      roles: ['council_member'],
    });
    const token = (
      (
        await request(t.url)
          .post('/api/v1/auth/token')
          .send({ login: 'staff@test.ge', password: PASSWORD })
          .expect(200)
      ).body as { accessToken: string }
    ).accessToken;
    const post = (path: string, body: object) =>
      request(t.url).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body).expect(201);
    bodyId = (
      (
        await post('/admin/councils', {
          slug: 'youth-council',
          kind: 'youth',
          name: { ka: 'ახალგაზრდული საბჭო', en: 'Youth Council' },
        })
      ).body as { id: string }
    ).id;
    await post(`/admin/councils/${bodyId}/members`, {
      name: 'Maia Secretary',
      userId: secretary.id,
      role: 'secretary',
      termStart: '2020-01-01',
    });
    await post(`/admin/councils/${bodyId}/members`, {
      name: 'Luka Member',
      role: 'member',
      termStart: '2020-01-01',
    });
    // Held yesterday; its minutes are what the secretary publishes in the browser.
    heldId = (
      (
        await post(`/admin/councils/${bodyId}/sessions`, {
          title: { en: 'Youth forum on sports grounds' },
          startsAt: new Date(Date.now() - DAY).toISOString(),
          place: { en: 'Dmanisi school No. 1' },
        })
      ).body as { id: string }
    ).id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lets the secretary announce a session and publish minutes, and a visitor find both', async () => {
    const problems: string[] = [];
    // Every step is a plain form; the pages send no script of their own.
    const secretaryContext = await browser.newContext({ locale: 'en-US' });
    secretaryContext.setDefaultTimeout(15000);
    const page = await secretaryContext.newPage();
    await page.goto(`${t.url}/sign-in`);
    await page.fill('#login', 'secretary@test.ge');
    await page.fill('#password', PASSWORD);
    await Promise.all([
      page.waitForURL(`${t.url}/account`),
      page.click('form[action="/sign-in"] button[type=submit]'),
    ]);

    await page.goto(`${t.url}/admin/councils`);
    problems.push(...(await seriousViolations(page)));
    await Promise.all([
      page.waitForURL(/sessions\/new$/),
      page.click(`a[href="/admin/councils/${bodyId}/sessions/new"]`),
    ]);
    problems.push(...(await seriousViolations(page)));
    await page.fill('#title\\.en', 'Youth council: summer camp');
    await page.fill('#title\\.az', 'Gənclər şurası: yay düşərgəsi');
    await page.fill('#startsAt', '2031-06-15T16:00');
    await page.fill('#place\\.en', 'Youth centre, Dmanisi');
    await Promise.all([
      page.waitForURL(/\/admin\/councils\/sessions\/[0-9a-f-]+$/),
      page.click('form[action$="/sessions/new"] button[type=submit]'),
    ]);
    const upcomingUrl = page.url();
    problems.push(...(await seriousViolations(page)));
    await Promise.all([page.waitForURL(upcomingUrl), page.click('#announce')]);
    expect(await page.textContent('.flash')).toBe('The announcement is published.');

    await page.goto(`${t.url}/admin/councils/sessions/${heldId}`);
    await page.fill('#minutes\\.en', 'Members agreed to ask the City Hall for two new sports grounds.');
    await page.getByLabel('Maia Secretary', { exact: true }).check();
    const signed = minimalPdf(['Youth Council - signed minutes', 'Two new sports grounds requested.']);
    await page.setInputFiles('#minutesPdf', {
      name: 'ოქმი-ახალგაზრდული.pdf',
      mimeType: 'application/pdf',
      buffer: signed,
    });
    await Promise.all([
      page.waitForURL(`${t.url}/admin/councils/sessions/${heldId}`),
      page.click('#publish-minutes'),
    ]);
    expect(await page.textContent('.flash')).toBe('The minutes are published.');
    problems.push(...(await seriousViolations(page)));
    await page.goto(`${t.url}/admin/councils/${bodyId}`);
    expect(await page.textContent('h1')).toBe('Youth Council');
    problems.push(...(await seriousViolations(page)));
    await secretaryContext.close();

    const visitorContext = await browser.newContext({ locale: 'en-US' });
    visitorContext.setDefaultTimeout(15000);
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${t.url}/`);
    await visitor.goto(`${t.url}/locale/en?back=/councils`);
    expect(await visitor.textContent('h1')).toBe('Sakrebulo and councils');
    problems.push(...(await seriousViolations(visitor)));
    await Promise.all([
      visitor.waitForURL(/\/councils\/sessions\//),
      visitor.click('text=Youth council: summer camp'),
    ]);
    expect(await visitor.textContent('.public-notice')).toContain('This session is public');
    expect(await visitor.textContent('main')).toContain('Youth centre, Dmanisi');
    problems.push(...(await seriousViolations(visitor)));

    await visitor.goto(`${t.url}/councils/youth-council`);
    problems.push(...(await seriousViolations(visitor)));
    await Promise.all([
      visitor.waitForURL(`${t.url}/councils/sessions/${heldId}`),
      visitor.click('text=Youth forum on sports grounds'),
    ]);
    expect(await visitor.textContent('.minutes')).toContain('two new sports grounds');
    expect(await visitor.textContent('.minutes')).toContain('Maia Secretary: present');
    expect(await visitor.textContent('.minutes')).toContain('Luka Member: absent');
    problems.push(...(await seriousViolations(visitor)));
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.click('.minutes a:has-text("Signed document (PDF)")'),
    ]);
    expect(download.suggestedFilename()).toBe('ოქმი-ახალგაზრდული.pdf');
    const saved = await download.path();
    expect(Buffer.compare(readFileSync(saved), signed)).toBe(0);

    const feed = await visitor.goto(`${t.url}/councils/feed.atom`);
    const atom = (await feed?.text()) ?? '';
    expect(atom).toContain('Minutes: Youth Council: Youth forum on sports grounds');
    expect(atom).toContain('Announced: Youth Council: Youth council: summer camp');
    await visitorContext.close();

    expect(problems).toEqual([]);
  }, 180_000);
});
