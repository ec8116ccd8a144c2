import request from 'supertest';
import { MunicipalityService } from '@chartuloba/platform';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { en } from '../../libs/petitions/src/i18n/en';
import { en as platformEn } from '../../libs/platform/src/i18n/messages/en';
import { PageClient } from '../support/pages';
import {
  closesOn,
  createResident,
  createUser,
  openPetition,
  PASSWORD,
  setUpMunicipality,
  submittedPetition,
} from '../support/petitions';

/** The message shown beside `field` (its `<field>-error` paragraph), or undefined when there is none. */
function errorBeside(html: string, field: string): string | undefined {
  return new RegExp(`id="${field.replace('.', '\\.')}-error">([^<]*)<`).exec(html)?.[1];
}

/** The opening tag of the control with `id`, to check what a screen reader is told about it. */
function controlTag(html: string, id: string): string {
  const tag = new RegExp(`<(input|select|textarea)[^>]*\\bid="${id.replace('.', '\\.')}"[^>]*>`).exec(
    html,
  )?.[0];
  if (!tag) {
    throw new Error(`no control #${id} on the page`);
  }
  return tag;
}

describe('petition forms on the pages', () => {
  let t: TestApp;
  let staffToken: string;
  let authorToken: string;
  let author: PageClient;
  let staff: PageClient;

  async function signedIn(login: string): Promise<PageClient> {
    const client = new PageClient(t.url);
    await client.submit('/sign-in', { login, password: PASSWORD });
    await client.get('/locale/en?back=/');
    return client;
  }

  const petitionsCount = async () =>
    Number(
      (
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM petitions_petitions`)) as Array<{
          n: number;
        }>
      )[0]?.n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    await setUpMunicipality(t);
    staffToken = (await createUser(t, 'staff@test.ge', ['staff'])).token;
    authorToken = (await createResident(t, staffToken, 'author@test.ge')).token;
    author = await signedIn('author@test.ge');
    staff = await signedIn('staff@test.ge');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('re-shows a refused new petition with each problem beside its field and what was typed, saving nothing', async () => {
    const before = await petitionsCount();
    const response = await author.submit('/petitions/new', {
      kind: 'resolution-draft',
      'title.az': 'x'.repeat(201),
      'body.en': '   ',
      closesOn: closesOn(20),
    });
    expect(response.status).toBe(400);
    expect(errorBeside(response.text, 'title')).toBe(platformEn['platform.validation.invalid']);
    expect(errorBeside(response.text, 'body')).toBe(platformEn['platform.validation.required']);
    expect(controlTag(response.text, 'title.az')).toContain('aria-describedby="title-error"');
    expect(controlTag(response.text, 'title.az')).toContain(`value="${'x'.repeat(201)}"`);
    expect(response.text).toMatch(/<option[^>]*value="resolution-draft"[^>]*selected/);
    expect(controlTag(response.text, 'closesOn')).toContain(`value="${closesOn(20)}"`);
    expect(response.text).toContain('href="#title"');
    expect(await petitionsCount()).toBe(before);
  });

  it('says how far away the closing date may be, beside the date field and tied to it', async () => {
    const response = await author.submit('/petitions/new', {
      kind: 'session-request',
      'title.en': 'A longer petition',
      'body.en': 'It needs time.',
      closesOn: closesOn(400),
    });
    expect(response.status).toBe(400);
    expect(errorBeside(response.text, 'closesOn')).toBe(
      en['errors.petitions.closing-date-invalid'].replace('{max}', '90'),
    );
    const date = controlTag(response.text, 'closesOn');
    expect(date).toContain('type="date"');
    expect(date).toContain('aria-invalid="true"');
    expect(date).toContain('aria-describedby="closesOn-hint closesOn-error"');
  });

  it('refuses a kind of petition the form does not offer, beside the kind field', async () => {
    const response = await author.submit('/petitions/new', {
      kind: 'referendum',
      'title.en': 'A playground',
      'body.en': 'Near the school.',
      closesOn: closesOn(20),
    });
    expect(response.status).toBe(400);
    expect(errorBeside(response.text, 'kind')).toBe(platformEn['platform.validation.invalid']);
    expect(controlTag(response.text, 'kind')).toContain('aria-describedby="kind-error"');
  });

  it('starts the edit form from the stored draft and leaves the draft as it was when an edit is refused', async () => {
    const created = await request(t.url)
      .post('/api/v1/petitions')
      .auth(authorToken, { type: 'bearer' })
      .send({
        kind: 'session-request',
        title: { en: 'Clean the river bank' },
        body: { en: 'Before summer.' },
        closesOn: closesOn(30),
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    const form = await author.get(`/petitions/${id}/edit`);
    expect(form.status).toBe(200);
    expect(controlTag(form.text, 'title.en')).toContain('value="Clean the river bank"');
    expect(controlTag(form.text, 'closesOn')).toContain(`value="${closesOn(30)}"`);
    expect(form.text).toMatch(/<option[^>]*value="session-request"[^>]*selected/);

    const refused = await author.submit(`/petitions/${id}/edit`, {
      kind: 'session-request',
      'title.en': 'Clean the river bank and the park',
      closesOn: closesOn(30),
    });
    expect(refused.status).toBe(400);
    expect(errorBeside(refused.text, 'body')).toBe(platformEn['platform.validation.required']);
    expect(controlTag(refused.text, 'title.en')).toContain('value="Clean the river bank and the park"');
    const stored = await request(t.url)
      .get(`/api/v1/petitions/${id}`)
      .auth(authorToken, { type: 'bearer' })
      .expect(200);
    expect(stored.body).toMatchObject({
      title: { en: 'Clean the river bank' },
      body: { en: 'Before summer.' },
    });
  });

  it('saves a valid petition and sends the author to it', async () => {
    const response = await author.submit('/petitions/new', {
      kind: 'session-request',
      'title.en': 'Benches at the bus stop',
      'body.en': 'Three would do.',
      closesOn: closesOn(20),
    });
    expect(response.status).toBe(303);
    expect(response.headers['location']).toMatch(/^\/petitions\/[0-9a-f-]{36}$/);
  });

  it('offers signing with the milestone e-mails ticked, and refuses a used-up invitation on the petition page', async () => {
    const id = await openPetition(t, authorToken, staffToken, 'Signable');
    await createResident(t, staffToken, 'signer@test.ge');
    const signer = await signedIn('signer@test.ge');
    const page = await signer.get(`/petitions/${id}`);
    expect(page.text).toContain(en['petitions.sign.notify']);
    expect(page.text).toMatch(/<input[^>]*type="checkbox"[^>]*name="notify"[^>]*value="true"[^>]*checked/);

    const joined = await signer.submit(
      `/petitions/${id}/join?token=nope`,
      { token: 'nope' },
      `/petitions/${id}/join`,
    );
    expect(joined.status).toBe(400);
    expect(joined.text).toContain(en['errors.petitions.invitation-invalid']);
  });

  it('records nothing from an assembly form with short minutes and no chair, and says why beside each', async () => {
    const [settlement] = await t.app.get(MunicipalityService).settlements();
    const before = await petitionsCount();
    const response = await staff.submit('/admin/petitions/assembly', {
      settlementId: settlement?.id ?? '',
      kind: 'resolution-draft',
      'title.en': 'A well for Kamarlo',
      'body.en': 'The old one is dry.',
      minutes: 'Too short',
      authorName: ' ',
    });
    expect(response.status).toBe(400);
    expect(errorBeside(response.text, 'minutes')).toBe('At least 10 characters');
    expect(errorBeside(response.text, 'authorName')).toBe('At least 2 characters');
    expect(controlTag(response.text, 'title.en')).toContain('value="A well for Kamarlo"');
    expect(response.text).toContain('Too short</textarea>');
    expect(response.text).toMatch(new RegExp(`<option[^>]*value="${settlement?.id}"[^>]*selected`));
    expect(await petitionsCount()).toBe(before);
  });

  it('asks staff for the reasons when they return a petition without any, and leaves it awaiting moderation', async () => {
    const id = await submittedPetition(t, authorToken, 'To return');

    const response = await staff.submit(
      `/admin/petitions/${id}`,
      { reason: '  ' },
      `/admin/petitions/${id}/return`,
    );
    expect(response.status).toBe(400);
    expect(errorBeside(response.text, 'reason')).toBe(en['errors.petitions.reason-required']);
    expect(controlTag(response.text, 'reason')).toContain('aria-describedby="reason-error"');
    const stored = await request(t.url)
      .get(`/api/v1/petitions/${id}`)
      .auth(staffToken, { type: 'bearer' })
      .expect(200);
    expect(stored.body).toMatchObject({ status: 'submitted' });
  });

  it('refuses a paper signature with problems beside each field, never echoing the personal number', async () => {
    const id = await openPetition(t, authorToken, staffToken, 'On paper');
    const list = await request(t.url)
      .post(`/api/v1/admin/petitions/${id}/paper-lists`)
      .auth(staffToken, { type: 'bearer' })
      .send({ label: 'Batch 1' })
      .expect(201);
    const listId = (list.body as { id: string }).id;

    const response = await staff.submit(
      `/admin/petitions/${id}`,
      { name: 'A', personalNumber: '12345678', address: 'Irganchai 4', signedOn: '2026-13' },
      `/admin/petitions/paper-lists/${listId}/signatures`,
    );
    expect(response.status).toBe(400);
    expect(errorBeside(response.text, 'name')).toBe(platformEn['platform.validation.required']);
    expect(errorBeside(response.text, 'personalNumber')).toBe(en['errors.petitions.invalid-input']);
    expect(errorBeside(response.text, 'signedOn')).toBe(platformEn['platform.validation.date']);
    expect(errorBeside(response.text, 'address')).toBeUndefined();
    const number = controlTag(response.text, 'personalNumber');
    expect(number).toContain('aria-invalid="true"');
    expect(number).toContain('aria-describedby="personalNumber-error"');
    expect(number).toContain('inputmode="numeric"');
    expect(number).toContain('autocomplete="off"');
    expect(controlTag(response.text, 'address')).toContain('value="Irganchai 4"');
    expect(response.text).not.toContain('12345678');
    const count = await request(t.url).get(`/api/v1/petitions/${id}/count`).expect(200);
    expect(count.body).toMatchObject({ paper: 0 });
  });

  it('refuses a second paper list with the same label beside the label field', async () => {
    const id = await openPetition(t, authorToken, staffToken, 'Two lists');
    await request(t.url)
      .post(`/api/v1/admin/petitions/${id}/paper-lists`)
      .auth(staffToken, { type: 'bearer' })
      .send({ label: 'Batch 1' })
      .expect(201);
    const response = await staff.submit(
      `/admin/petitions/${id}`,
      { label: 'Batch 1' },
      `/admin/petitions/${id}/paper-lists`,
    );
    expect(response.status).toBe(409);
    expect(errorBeside(response.text, 'label')).toBe(en['errors.petitions.invalid-input']);
    expect(controlTag(response.text, 'label')).toContain('aria-describedby="label-error"');
  });
});
