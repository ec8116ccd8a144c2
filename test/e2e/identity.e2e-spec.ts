import request from 'supertest';
import { UserProvisioningService } from '@chartuloba/identity';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { linkIn, PageClient } from '../support/pages';

const PASSWORD = 'correct horse battery';

describe('identity over HTTP', () => {
  let t: TestApp;
  let adminToken: string;
  let staffToken: string;

  async function bearerFor(login: string, password: string): Promise<string> {
    const response = await request(t.url).post('/api/v1/auth/token').send({ login, password }).expect(200);
    return (response.body as { accessToken: string }).accessToken;
  }

  async function registerAndConfirm(email: string, displayName: string): Promise<PageClient> {
    const browser = new PageClient(t.url);
    const signUp = await browser.submit('/sign-up', { displayName, email, password: PASSWORD });
    expect(signUp.status).toBe(303);
    expect(signUp.headers.location).toBe('/sign-in');
    const mail = await t.smtp.waitFor((m) => m.to.includes(email) && m.text.includes('/verify-email?token='));
    const verified = await browser.get(linkIn(mail.text, '/verify-email'));
    expect(verified.status).toBe(303);
    return browser;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const provisioning = t.app.get(UserProvisioningService);
    await provisioning.create({
      email: 'admin@test.ge',
      displayName: 'Admin',
      password: PASSWORD,
      roles: ['admin'],
    });
    await provisioning.create({
      email: 'staff@test.ge',
      displayName: 'Staff',
      password: PASSWORD,
      roles: ['staff'],
    });
    adminToken = await bearerFor('admin@test.ge', PASSWORD);
    staffToken = await bearerFor('staff@test.ge', PASSWORD);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('registers, confirms by the mailed link, signs in with cookie and bearer, and sees a role take effect at once', async () => {
    const browser = await registerAndConfirm('nino@test.ge', 'Nino Beridze');

    const signIn = await browser.submit('/sign-in', { login: 'NINO@test.ge', password: PASSWORD });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.location).toBe('/account');
    const sessionCookie = String(signIn.headers['set-cookie']);
    expect(sessionCookie).toMatch(/sid=.*HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    const account = await browser.get('/account');
    expect(account.status).toBe(200);
    expect(account.text).toContain('Nino Beridze');

    const token = await bearerFor('nino@test.ge', PASSWORD);
    const me = await request(t.url).get('/api/v1/auth/me').auth(token, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ email: 'nino@test.ge', roles: ['citizen'], emailVerified: true });

    await request(t.url).get('/api/v1/admin/accounts').auth(token, { type: 'bearer' }).expect(403);
    expect((await browser.get('/admin/accounts')).status).toBe(403);

    await request(t.url)
      .post(`/api/v1/admin/accounts/${me.body.id}/roles`)
      .auth(adminToken, { type: 'bearer' })
      .send({ role: 'staff' })
      .expect(200);

    await request(t.url).get('/api/v1/admin/accounts').auth(token, { type: 'bearer' }).expect(200);
    expect((await browser.get('/admin/accounts')).status).toBe(200);
  });

  it('refuses to sign in before the address is confirmed', async () => {
    const browser = new PageClient(t.url);
    await browser.submit('/sign-up', { displayName: 'Late', email: 'late@test.ge', password: PASSWORD });
    const response = await request(t.url)
      .post('/api/v1/auth/token')
      .send({ login: 'late@test.ge', password: PASSWORD });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('identity.email-not-verified');
  });

  it('shows validation messages next to the fields and keeps what was typed, but not the password', async () => {
    const browser = new PageClient(t.url);
    const response = await browser.submit('/sign-up', {
      displayName: 'Keti',
      email: 'not-an-email',
      password: 'short',
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('id="email-error"');
    expect(response.text).toContain('id="password-error"');
    expect(response.text).toContain('value="Keti"');
    expect(response.text).not.toContain('value="short"');
  });

  it('sends a browser that is not signed in to sign in, and back afterwards', async () => {
    const response = await new PageClient(t.url).get('/account');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Faccount');
  });

  it('resets a forgotten password by the mailed link and ends old sessions', async () => {
    await registerAndConfirm('giorgi@test.ge', 'Giorgi');
    const oldToken = await bearerFor('giorgi@test.ge', PASSWORD);

    await request(t.url)
      .post('/api/v1/auth/password-reset/request')
      .send({ email: 'giorgi@test.ge' })
      .expect(202);
    await request(t.url)
      .post('/api/v1/auth/password-reset/request')
      .send({ email: 'nobody@test.ge' })
      .expect(202);
    const mail = await t.smtp.waitFor(
      (m) => m.to.includes('giorgi@test.ge') && m.text.includes('/reset-password?token='),
    );
    const link = linkIn(mail.text, '/reset-password');

    const browser = new PageClient(t.url);
    const reset = await browser.submit(
      link,
      { token: new URLSearchParams(link.split('?')[1]).get('token') ?? '', password: 'a brand new password' },
      '/reset-password',
    );
    expect(reset.status).toBe(303);
    expect(reset.headers.location).toBe('/sign-in');

    await request(t.url)
      .post('/api/v1/auth/token')
      .send({ login: 'giorgi@test.ge', password: PASSWORD })
      .expect(401);
    await bearerFor('giorgi@test.ge', 'a brand new password');
    await request(t.url).get('/api/v1/auth/me').auth(oldToken, { type: 'bearer' }).expect(401);
    // The link works once.
    const again = await browser.submit(
      link,
      { token: new URLSearchParams(link.split('?')[1]).get('token') ?? '', password: 'another new password' },
      '/reset-password',
    );
    expect(again.status).toBe(400);
  });

  it('locks a login after five wrong passwords, whether or not the account exists', async () => {
    await registerAndConfirm('lasha@test.ge', 'Lasha');
    for (const login of ['lasha@test.ge', 'ghost@test.ge']) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const wrong = await request(t.url)
          .post('/api/v1/auth/token')
          .send({ login, password: 'wrong password!' });
        expect(wrong.status).toBe(401);
        expect(wrong.body.code).toBe('identity.invalid-credentials');
      }
      const locked = await request(t.url).post('/api/v1/auth/token').send({ login, password: PASSWORD });
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('identity.too-many-attempts');
      expect(locked.body.message).toMatch(/15 minutes/);
    }
  });

  it('verifies one account per personal number and never shows the number', async () => {
    const first = await registerAndConfirm('first@test.ge', 'First');
    const second = await registerAndConfirm('second@test.ge', 'Second');
    void first;
    void second;
    const list = await request(t.url)
      .get('/api/v1/admin/accounts?q=@test.ge&pageSize=100')
      .auth(staffToken, { type: 'bearer' })
      .expect(200);
    const idOf = (email: string) =>
      (list.body.items as Array<{ id: string; email: string }>).find((a) => a.email === email)?.id;

    await request(t.url)
      .post(`/api/v1/admin/accounts/${idOf('first@test.ge')}/residency`)
      .auth(staffToken, { type: 'bearer' })
      .send({ personalNumber: '01024001234', birthYear: 1980 })
      .expect(204);
    const duplicate = await request(t.url)
      .post(`/api/v1/admin/accounts/${idOf('second@test.ge')}/residency`)
      .auth(staffToken, { type: 'bearer' })
      .send({ personalNumber: '010 2400 1234' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('identity.personal-number-taken');

    const invalid = await request(t.url)
      .post(`/api/v1/admin/accounts/${idOf('second@test.ge')}/residency`)
      .auth(staffToken, { type: 'bearer' })
      .send({ personalNumber: '123' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details[0].field).toBe('personalNumber');

    const shown = await request(t.url)
      .get(`/api/v1/admin/accounts/${idOf('first@test.ge')}`)
      .auth(staffToken, { type: 'bearer' })
      .expect(200);
    expect(shown.body.residency).toMatchObject({ birthYear: 1980 });
    expect(JSON.stringify(shown.body)).not.toContain('01024001234');
    const audit = await t.dataSource.query(`SELECT summary, data::text AS data FROM platform_audit_log`);
    expect(JSON.stringify(audit)).not.toContain('01024001234');
  });

  it('lets an assisted account sign in with its printed code once', async () => {
    const created = await request(t.url)
      .post('/api/v1/admin/accounts/assisted')
      .auth(staffToken, { type: 'bearer' })
      .send({ displayName: 'Rashid Aliyev' })
      .expect(201);
    const { code } = created.body as { code: string };
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/);

    const resident = new PageClient(t.url);
    const signIn = await resident.submit('/sign-in/code', { code: code.toLowerCase().replace(/-/g, ' ') });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.location).toBe('/account');
    const account = await resident.get('/account');
    expect(account.text).toContain('Rashid Aliyev');
    expect(account.text).toContain(created.body.account.loginName);

    const reused = await new PageClient(t.url).submit('/sign-in/code', { code });
    expect(reused.status).toBe(401);

    // After setting a password, the login name and that password work.
    const set = await resident.submit('/account', { newPassword: 'my own password 1' }, '/account/password');
    expect(set.status).toBe(303);
    await bearerFor(created.body.account.loginName, 'my own password 1');
  });

  it('refuses a form post without its CSRF token', async () => {
    const response = await request(t.url)
      .post('/sign-in')
      .set('accept', 'text/html')
      .type('form')
      .send({ login: 'admin@test.ge', password: PASSWORD });
    expect(response.status).toBe(403);
    const browser = new PageClient(t.url);
    await browser.get('/sign-in');
    const withCookieOnly = await browser.agent
      .post('/sign-in')
      .type('form')
      .send({ login: 'admin@test.ge', password: PASSWORD });
    expect(withCookieOnly.status).toBe(403);
  });

  it('signs out at once: the cookie no longer opens the account', async () => {
    const browser = new PageClient(t.url);
    await browser.submit('/sign-in', { login: 'admin@test.ge', password: PASSWORD });
    expect((await browser.get('/account')).status).toBe(200);
    const out = await browser.submit('/account', {}, '/sign-out');
    expect(out.status).toBe(303);
    expect((await browser.get('/account')).status).toBe(303);
  });
});
