import request from 'supertest';
import { ka } from '../../libs/petitions/src/i18n/ka';
import { startTestApp, TestApp } from '@chartuloba/testing';
import {
  bearerFor,
  closesOn,
  createResident,
  createUser,
  openPetition,
  setUpMunicipality,
} from '../support/petitions';

describe('petitions over HTTP', () => {
  let t: TestApp;
  let staff: string;
  let author: { id: string; token: string };

  const count = async (id: string) =>
    (await request(t.url).get(`/api/v1/petitions/${id}/count`).expect(200)).body as {
      signatures: number;
      threshold: number;
      invalidated: number;
    };

  beforeAll(async () => {
    t = await startTestApp();
    await setUpMunicipality(t);
    staff = (await createUser(t, 'staff@test.ge', ['staff'])).token;
    author = await createResident(t, staff, 'author@test.ge');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('opens a petition with its threshold fixed at 1% of the registered voters, rounded up, and shows the basis', async () => {
    const id = await openPetition(t, author.token, staff);
    const shown = await request(t.url).get(`/api/v1/petitions/${id}`).expect(200);
    expect(shown.body).toMatchObject({
      status: 'open',
      threshold: 201,
      thresholdBasis: { registeredVoters: 20013, asOf: '2024-10-26' },
      signatures: 0,
    });
    // A later voter count does not move a running petition's threshold.
    await setUpMunicipality(t, 30000);
    expect((await count(id)).threshold).toBe(201);
    await setUpMunicipality(t, 20013);
  });

  it('serves an open petition’s count from memory ahead of the pipeline, the same answer the route gives', async () => {
    const id = await openPetition(t, author.token, staff, 'Hot count');
    const resident = await createResident(t, staff, 'watcher@test.ge');
    await request(t.url)
      .post(`/api/v1/petitions/${id}/signature`)
      .auth(resident.token, { type: 'bearer' })
      .send({})
      .expect(201);
    const hot = await request(t.url).get(`/api/v1/petitions/${id}/count`).expect(200);
    // With a bearer token the request takes the ordinary route (the token is checked even there).
    const routed = await request(t.url)
      .get(`/api/v1/petitions/${id}/count`)
      .auth(resident.token, { type: 'bearer' })
      .expect(200);
    expect(hot.headers['cache-control']).toBe('public, max-age=1');
    expect(routed.headers['cache-control']).toBeUndefined();
    expect(hot.body).toEqual(routed.body);
    expect(hot.body).toMatchObject({ signatures: 1, threshold: 201 });

    const draft = await request(t.url)
      .post('/api/v1/petitions')
      .auth(author.token, { type: 'bearer' })
      .send({
        kind: 'session-request',
        title: { en: 'Not yet public' },
        body: { en: 'Draft.' },
        closesOn: closesOn(30),
      })
      .expect(201);
    const hidden = await request(t.url).get(`/api/v1/petitions/${(draft.body as { id: string }).id}/count`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ code: 'petitions.not-found' });
  });

  it('does not let a second account of the same person sign again', async () => {
    const id = await openPetition(t, author.token, staff, 'Two accounts');
    const first = await createResident(t, staff, 'twin-a@test.ge', '03000000001');
    await request(t.url)
      .post(`/api/v1/petitions/${id}/signature`)
      .auth(first.token, { type: 'bearer' })
      .send({})
      .expect(201);
    // Identity allows one verified account per number, so the second account is verified with it only
    // after the first loses it; the petition's unique resident key still refuses it.
    const second = await createUser(t, 'twin-b@test.ge');
    const refused = await request(t.url)
      .post(`/api/v1/petitions/${id}/signature`)
      .auth(second.token, { type: 'bearer' })
      .send({});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('petitions.not-resident');
  });

  it('lets a withdrawn signature be given again, counting it once', async () => {
    const id = await openPetition(t, author.token, staff, 'Withdraw');
    const resident = await createResident(t, staff, 'changer@test.ge');
    const sign = () =>
      request(t.url)
        .post(`/api/v1/petitions/${id}/signature`)
        .auth(resident.token, { type: 'bearer' })
        .send({});
    await sign().expect(201);
    const withdrawal = await request(t.url)
      .delete(`/api/v1/petitions/${id}/signature`)
      .auth(resident.token, { type: 'bearer' })
      .expect(204);
    expect((await count(id)).signatures).toBe(0);
    // The audit entry names the request it came from, taken from the request's context.
    const [audited] = (await t.dataSource.query(
      `SELECT request_id AS "requestId", actor_id AS "actorId" FROM platform_audit_log
       WHERE action = 'petitions.signature-withdrawn' AND subject_id = $1`,
      [id],
    )) as Array<{ requestId: string; actorId: string }>;
    expect(audited).toEqual({
      requestId: String(withdrawal.headers['x-request-id']),
      actorId: resident.id,
    });
    await sign().expect(201);
    expect((await count(id)).signatures).toBe(1);
    const again = await sign();
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('petitions.already-signed');
  });

  it('refuses an account whose residency is not verified', async () => {
    const id = await openPetition(t, author.token, staff, 'Unverified');
    const visitor = await createUser(t, 'visitor@test.ge');
    const response = await request(t.url)
      .post(`/api/v1/petitions/${id}/signature`)
      .auth(visitor.token, { type: 'bearer' })
      .send({});
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('petitions.not-resident');
    expect((await count(id)).signatures).toBe(0);
  });

  it('refuses signatures on a petition that is not open with a clear error', async () => {
    const created = await request(t.url)
      .post('/api/v1/petitions')
      .auth(author.token, { type: 'bearer' })
      .send({
        kind: 'resolution-draft',
        title: { ka: 'სათაური' },
        body: { ka: 'ტექსტი' },
        closesOn: closesOn(10),
      })
      .expect(201);
    const id = created.body.id as string;
    const resident = await createResident(t, staff, 'early@test.ge');
    // A draft is not public: 404 for everyone but its author and staff.
    await request(t.url)
      .post(`/api/v1/petitions/${id}/signature`)
      .auth(resident.token, { type: 'bearer' })
      .send({})
      .expect(404);
    const closedId = await openPetition(t, author.token, staff, 'Soon closed');
    await t.dataSource.query(
      `UPDATE petitions_petitions SET closes_at = now() - interval '1 minute' WHERE id = $1`,
      [closedId],
    );
    const response = await request(t.url)
      .post(`/api/v1/petitions/${closedId}/signature`)
      .auth(resident.token, { type: 'bearer' })
      .send({});
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('petitions.closed');
    expect(response.body.message).toMatch(/not open for signatures/);
  });

  it('enters paper signatures deduplicated against online ones, draws a reproducible 20% sample, and subtracts invalid ones', async () => {
    const id = await openPetition(t, author.token, staff, 'Paper');
    const online = await createResident(t, staff, 'online@test.ge', '04000000001');
    await request(t.url)
      .post(`/api/v1/petitions/${id}/signature`)
      .auth(online.token, { type: 'bearer' })
      .send({})
      .expect(201);
    const list = await request(t.url)
      .post(`/api/v1/admin/petitions/${id}/paper-lists`)
      .auth(staff, { type: 'bearer' })
      .send({ label: 'Sheet 1' })
      .expect(201);
    const listId = list.body.id as string;
    const add = (n: number) =>
      request(t.url)
        .post(`/api/v1/admin/petitions/paper-lists/${listId}/signatures`)
        .auth(staff, { type: 'bearer' })
        .send({
          name: `Signer ${n}`,
          personalNumber: `0400000${String(n).padStart(4, '0')}`,
          address: 'Irganchai',
          signedOn: '2026-11-20',
        });
    for (let n = 2; n <= 11; n += 1) {
      await add(n).expect(201);
    }
    // The online signatory's number on paper is refused, not counted twice.
    const duplicate = await add(1);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('petitions.paper-duplicate');
    expect((await count(id)).signatures).toBe(11);

    const sample = await request(t.url)
      .post(`/api/v1/admin/petitions/paper-lists/${listId}/sample`)
      .auth(staff, { type: 'bearer' })
      .expect(201);
    const { seed, signatureIds } = sample.body as { seed: string; signatureIds: string[] };
    expect(signatureIds).toHaveLength(2);
    // Redrawing from the recorded seed over the list gives the same sample.
    const { drawSample } = await import('../../libs/petitions/src/domain/sample');
    const ids = (await t.dataSource.query(`SELECT id FROM petitions_signatures WHERE paper_list_id = $1`, [
      listId,
    ])) as Array<{ id: string }>;
    expect(
      drawSample(
        ids.map((r) => r.id),
        seed,
      ),
    ).toEqual(signatureIds);

    const sampled = await request(t.url)
      .get(`/api/v1/admin/petitions/paper-lists/${listId}/sample`)
      .auth(staff, { type: 'bearer' })
      .expect(200);
    expect(sampled.body[0].personalNumber).toMatch(/^0400000\d{4}$/);
    const views = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM platform_audit_log WHERE action = 'petitions.personal-numbers-viewed'`,
    );
    expect(views[0].n).toBe(1);
    // Stored only as hash + ciphertext.
    const stored = await t.dataSource.query(
      `SELECT personal_number_enc FROM petitions_signatures WHERE paper_list_id = $1`,
      [listId],
    );
    expect(JSON.stringify(stored)).not.toContain('0400000');

    await request(t.url)
      .post(`/api/v1/admin/petitions/signatures/${signatureIds[0]}/verification`)
      .auth(staff, { type: 'bearer' })
      .send({ result: 'invalid', reason: 'Signature does not match the ID' })
      .expect(200);
    await request(t.url)
      .post(`/api/v1/admin/petitions/signatures/${signatureIds[1]}/verification`)
      .auth(staff, { type: 'bearer' })
      .send({ result: 'valid' })
      .expect(200);
    const after = await count(id);
    expect(after.signatures).toBe(10);
    expect(after.invalidated).toBe(1);
  });

  it('registers at the threshold with a number and certificate, answers through the council event, and notifies', async () => {
    await setUpMunicipality(t, 200); // threshold 2
    const id = await openPetition(t, author.token, staff, 'Small threshold');
    await setUpMunicipality(t, 20013);
    const signer = await createResident(t, staff, 'signer-a@test.ge');
    await request(t.url)
      .post(`/api/v1/petitions/${id}/signature`)
      .auth(author.token, { type: 'bearer' })
      .send({})
      .expect(201);
    await request(t.url)
      .post(`/api/v1/petitions/${id}/signature`)
      .auth(signer.token, { type: 'bearer' })
      .send({})
      .expect(201);
    const reached = await request(t.url).get(`/api/v1/petitions/${id}`).expect(200);
    expect(reached.body.status).toBe('threshold-reached');
    const registered = await request(t.url)
      .post(`/api/v1/admin/petitions/${id}/register`)
      .auth(staff, { type: 'bearer' })
      .expect(200);
    expect(registered.body.registrationNumber).toMatch(/^P-\d{4}-\d{4}$/);
    const certificate = await request(t.url)
      .get(`/petitions/${id}/certificate`)
      .set('accept', 'text/html')
      .expect(200);
    expect(certificate.text).toContain(registered.body.registrationNumber);
    await request(t.url)
      .post(`/api/v1/admin/petitions/${id}/consider`)
      .auth(staff, { type: 'bearer' })
      .expect(200);

    const { DomainEvents, TransactionRunner, MOTION_DECIDED } = await import('@chartuloba/platform');
    await t.app.get(TransactionRunner).run(() =>
      t.app.get(DomainEvents).publish({
        type: MOTION_DECIDED,
        motionId: 'm-1',
        originLib: 'petitions',
        originId: id,
        outcome: 'adopted',
        votes: { yes: 9, no: 2, abstain: 1, absent: 3 },
        sessionId: null,
        decidedAt: new Date().toISOString(),
      } as never),
    );
    const answered = await request(t.url).get(`/api/v1/petitions/${id}`).expect(200);
    expect(answered.body).toMatchObject({ status: 'answered', answerOutcome: 'accepted' });
    expect(answered.body.answerText.en).toContain('yes 9');

    await t.drainJobs();
    await t.smtp.waitFor(
      (m) => m.to.includes('signer-a@test.ge') && m.subject === ka['petitions.mail.answered.subject'],
    );
    await t.smtp.waitFor(
      (m) => m.to.includes('author@test.ge') && m.subject === ka['petitions.mail.threshold.subject'],
    );
    const audit = await t.dataSource.query(
      `SELECT action FROM platform_audit_log WHERE subject_type = 'petition' AND subject_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining([
        'petitions.submit',
        'petitions.open',
        'petitions.reach-threshold',
        'petitions.register',
        'petitions.consider',
        'petitions.answer',
      ]),
    );
  });

  it('returns a submitted petition to its author with reasons', async () => {
    const created = await request(t.url)
      .post('/api/v1/petitions')
      .auth(author.token, { type: 'bearer' })
      .send({
        kind: 'resolution-draft',
        title: { en: 'Out of competence' },
        body: { en: 'Build a motorway' },
        closesOn: closesOn(10),
      })
      .expect(201);
    const id = created.body.id as string;
    await request(t.url)
      .post(`/api/v1/petitions/${id}/submit`)
      .auth(author.token, { type: 'bearer' })
      .expect(200);
    const bad = await request(t.url)
      .post(`/api/v1/admin/petitions/${id}/return`)
      .auth(staff, { type: 'bearer' })
      .send({})
      .expect(400);
    expect(bad.body.details[0].field).toBe('reason');
    const returned = await request(t.url)
      .post(`/api/v1/admin/petitions/${id}/return`)
      .auth(staff, { type: 'bearer' })
      .send({ reason: 'Motorways are a national competence' })
      .expect(200);
    expect(returned.body.status).toBe('returned');
    await request(t.url)
      .post(`/api/v1/petitions/${id}/submit`)
      .auth(author.token, { type: 'bearer' })
      .expect(200);
  });

  it('refuses a closing date beyond the maximum with a field error and changes nothing', async () => {
    const response = await request(t.url)
      .post('/api/v1/petitions')
      .auth(author.token, { type: 'bearer' })
      .send({
        kind: 'resolution-draft',
        title: { en: 'Far' },
        body: { en: 'Far away' },
        closesOn: closesOn(400),
      });
    expect(response.status).toBe(400);
    expect(response.body.details[0].field).toBe('closesOn');
  });

  it('archives a petition below its threshold at the closing date through the recurring job', async () => {
    const id = await openPetition(t, author.token, staff, 'Will expire');
    await t.dataSource.query(
      `UPDATE petitions_petitions SET closes_at = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    const { PetitionsFacade } = await import('@chartuloba/petitions');
    const { JobQueue, TransactionRunner } = await import('@chartuloba/platform');
    await t.app
      .get(TransactionRunner)
      .run(() =>
        t.app
          .get(JobQueue)
          .enqueue({ queue: 'petitions', name: 'petitions.close-due', payload: {}, key: `sweep:${id}` }),
      );
    await t.drainJobs();
    for (
      let i = 0;
      i < 100 && (await t.app.get(PetitionsFacade).summary(id))?.status !== 'not-reached';
      i += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await t.app.get(PetitionsFacade).summary(id))?.status).toBe('not-reached');
  });

  it('publishes open data without personal data: list, CSV, JSON and the Atom feed', async () => {
    const list = await request(t.url).get('/api/v1/petitions?sort=signatures&status=open').expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    const csv = await request(t.url).get('/api/v1/petitions/export.csv').expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toContain('signatures,threshold');
    // Fields, not the raw text: a random uuid can hold eleven digits in a row.
    const csvFields = csv.text.split(/[,\r\n]/);
    expect(csvFields.filter((field) => /^\d{11}$/.test(field))).toEqual([]);
    expect(csv.text).not.toContain('04000000001');
    const json = await request(t.url).get('/api/v1/petitions/export.json').expect(200);
    expect(JSON.stringify(json.body)).not.toContain('@test.ge');
    const feed = await request(t.url).get('/petitions/feed.atom').expect(200);
    expect(feed.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    await request(t.url).get('/petitions').set('accept', 'text/html').expect(200);
  });

  it('rate-limits one account and flags many accounts from one address for staff, without dropping signatures', async () => {
    const id = await openPetition(t, author.token, staff, 'Abuse');
    const residents = [];
    for (let i = 0; i < 12; i += 1) {
      residents.push(await createResident(t, staff, `crowd${i}@test.ge`));
    }
    for (const resident of residents) {
      await request(t.url)
        .post(`/api/v1/petitions/${id}/signature`)
        .auth(resident.token, { type: 'bearer' })
        .send({})
        .expect(201);
    }
    expect((await count(id)).signatures).toBe(12);
    const flagged = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM petitions_signatures WHERE petition_id = $1 AND flag_reason IS NOT NULL`,
      [id],
    );
    expect(flagged[0].n).toBe(2);
    // The audit rows written with the signatures say which were flagged, and why.
    const audited = (await t.dataSource.query(
      `SELECT a.summary, a.data FROM platform_audit_log a
        JOIN petitions_signatures s ON s.id::text = a.data->>'signatureId'
       WHERE a.action = 'petitions.signed' AND a.subject_id = $1 AND s.flag_reason IS NOT NULL`,
      [id],
    )) as Array<{ summary: string; data: { flag: string } }>;
    expect(audited).toEqual([
      {
        summary: 'Signed online (flagged: many-accounts-one-address)',
        data: expect.objectContaining({ flag: 'many-accounts-one-address' }),
      },
      {
        summary: 'Signed online (flagged: many-accounts-one-address)',
        data: expect.objectContaining({ flag: 'many-accounts-one-address' }),
      },
    ]);
    const [row] = await t.dataSource.query(
      `SELECT id FROM petitions_signatures WHERE petition_id = $1 AND flag_reason IS NOT NULL LIMIT 1`,
      [id],
    );
    await request(t.url)
      .post(`/api/v1/admin/petitions/signatures/${row.id}/invalidate`)
      .auth(staff, { type: 'bearer' })
      .send({ reason: 'Same household signed for others' })
      .expect(200);
    const after = await count(id);
    expect(after).toMatchObject({ signatures: 11, invalidated: 1 });
    const tokenAgain = await bearerFor(t, 'crowd0@test.ge');
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      statuses.push(
        (
          await request(t.url)
            .post(`/api/v1/petitions/${id}/signature`)
            .auth(tokenAgain, { type: 'bearer' })
            .send({})
        ).status,
      );
    }
    expect(statuses).toContain(429);
  });
  it('records exactly one signature from 100 concurrent identical sign requests of one resident', async () => {
    const id = await openPetition(t, author.token, staff, 'Concurrency');
    const resident = await createResident(t, staff, 'racer@test.ge');
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        request(t.url)
          .post(`/api/v1/petitions/${id}/signature`)
          .auth(resident.token, { type: 'bearer' })
          .send({}),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    // The rest are refused: already signed (409) or, past the per-account limit, 429. None is a 5xx.
    expect(statuses.every((s) => s === 201 || s === 409 || s === 429)).toBe(true);
    expect((await count(id)).signatures).toBe(1);
  });

  it('signs residents who arrive together in shared statements, each audited under its own request', async () => {
    const id = await openPetition(t, author.token, staff, 'Together');
    const residents = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        createResident(t, staff, `crowd-${i}@test.ge`, `0700000${String(i).padStart(4, '0')}`),
      ),
    );
    const answers = await Promise.all(
      residents.map((resident) =>
        request(t.url)
          .post(`/api/v1/petitions/${id}/signature`)
          .auth(resident.token, { type: 'bearer' })
          .send({}),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(residents.map(() => 201));
    expect(new Set(answers.map((a) => (a.body as { signatureId: string }).signatureId)).size).toBe(30);
    expect((await count(id)).signatures).toBe(30);
    const audited = (await t.dataSource.query(
      `SELECT request_id AS "requestId", actor_id AS "actorId", actor_label AS "actorLabel", summary,
              subject_type AS "subjectType", data->>'signatureId' AS "signatureId"
         FROM platform_audit_log
       WHERE action = 'petitions.signed' AND subject_id = $1`,
      [id],
    )) as Array<{
      requestId: string;
      actorId: string;
      actorLabel: string;
      summary: string;
      subjectType: string;
      signatureId: string;
    }>;
    expect(audited.map((row) => row.requestId).sort()).toEqual(
      answers.map((a) => String(a.headers['x-request-id'])).sort(),
    );
    expect(audited.map((row) => row.actorId).sort()).toEqual(residents.map((r) => r.id).sort());
    expect(audited.map((row) => row.signatureId).sort()).toEqual(
      answers.map((a) => (a.body as { signatureId: string }).signatureId).sort(),
    );
    const [labels] = (await t.dataSource.query(
      `SELECT array_agg(display_name) AS names FROM identity_users WHERE id = ANY($1)`,
      [residents.map((r) => r.id)],
    )) as Array<{ names: string[] }>;
    expect(audited.map((row) => row.actorLabel).sort()).toEqual([...(labels?.names ?? [])].sort());
    // Thirty accounts from one address: past the tenth they are signed and flagged, and their rows say so.
    expect(new Set(audited.map((row) => `${row.subjectType}|${row.summary}`))).toEqual(
      new Set(['petition|Signed online', 'petition|Signed online (flagged: many-accounts-one-address)']),
    );
  });
});
