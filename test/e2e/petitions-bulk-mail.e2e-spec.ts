import request from 'supertest';
import { MAILS_PER_SEND_JOB } from '@chartuloba/platform';
import { countStatements, startTestApp, TestApp } from '@chartuloba/testing';
import { az } from '../../libs/petitions/src/i18n/az';
import { en } from '../../libs/petitions/src/i18n/en';
import { ka } from '../../libs/petitions/src/i18n/ka';
import { PetitionNotifier } from '../../libs/petitions/src/services/petition-notifier';
import { SignatoryExportService } from '../../libs/petitions/src/services/signatory-export.service';
import { queuedMessageKeys, sendJobsNaming } from '../support/mail-jobs';
import { createResident, createUser, openPetition, setUpMunicipality } from '../support/petitions';

const SIGNATORIES = 300;

interface Signatory {
  id: string;
  email: string | null;
  name: string;
  locale: string;
  notify: boolean;
}

/**
 * Hundreds of signatories are written straight into the tables: creating each through the API would hash
 * a password per person and make the test about argon2. One account has no e-mail (an assisted one) and
 * two opted out of notices.
 */
async function addSignatories(t: TestApp, petitionId: string): Promise<Signatory[]> {
  const users = (await t.dataSource.query(
    `INSERT INTO identity_users (email, login_name, assisted, display_name, locale)
     SELECT CASE WHEN n = 7 THEN NULL ELSE 'bulk-' || n || '@test.ge' END,
            CASE WHEN n = 7 THEN 'assisted-bulk-' || n END, n = 7, 'ხელმომწერი ' || n,
            (ARRAY['ka', 'en', 'az'])[1 + n % 3]
       FROM generate_series(1, $1::int) AS n
     RETURNING id, email, display_name AS name, locale`,
    [SIGNATORIES],
  )) as Array<Omit<Signatory, 'notify'>>;
  const signatories = users.map((user, i) => ({ ...user, notify: i !== 10 && i !== 20 }));
  await t.dataSource.query(
    `INSERT INTO petitions_signatures (petition_id, resident_key, user_id, source, initials, notify)
     SELECT $1, 'bulk-key-' || s.user_id, s.user_id, 'online', 'ხ. ' || s.n, s.notify
       FROM unnest($2::uuid[], $3::boolean[]) WITH ORDINALITY AS s(user_id, notify, n)`,
    [petitionId, signatories.map((s) => s.id), signatories.map((s) => s.notify)],
  );
  return signatories;
}

describe('petitions: notices and the signatory list for hundreds of signatories', () => {
  let t: TestApp;
  let staff: { id: string; token: string };
  let author: { id: string; token: string };
  let petitionId: string;
  let signatories: Signatory[];

  beforeAll(async () => {
    t = await startTestApp();
    await setUpMunicipality(t);
    staff = await createUser(t, 'staff@test.ge', ['staff']);
    author = await createResident(t, staff.token, 'author@test.ge');
    petitionId = await openPetition(t, author.token, staff.token, 'Road to Kamarlo');
    signatories = await addSignatories(t, petitionId);
  });

  afterAll(async () => {
    await t?.close();
  });

  const storedNotices = async () =>
    (await t.dataSource.query(
      `SELECT to_address AS "to", locale, subject, text_body AS body FROM platform_mail WHERE message_key LIKE $1`,
      [`petitions:threshold:${petitionId}:%`],
    )) as Array<{ to: string; locale: string; subject: string; body: string }>;

  it('tells every reachable signatory and the author in their own language, in a few statements, once', async () => {
    const notifier = t.app.get(PetitionNotifier);
    const payload = { petitionId, notice: 'threshold' as const };
    const reachable = signatories.filter((s) => s.email && s.notify);

    const { result: told, statements } = await countStatements(t.dataSource, () => notifier.deliver(payload));

    expect(told).toBe(reachable.length + 1);
    // A contact lookup and a transaction of mail and job per person used to cost five statements each
    // (about 1,500 here); now the recipients, their contacts and one transaction of two inserts: eight.
    expect(statements.length).toBeLessThan(20);
    const notices = await storedNotices();
    expect(notices.map((n) => n.to).sort()).toEqual(
      [...reachable.map((s) => s.email), 'author@test.ge'].sort(),
    );
    const subjects = { ka, en, az } as const;
    for (const notice of notices) {
      expect(notice.subject).toBe(
        subjects[notice.locale as keyof typeof subjects]['petitions.mail.threshold.subject'],
      );
    }
    expect(notices.find((n) => n.locale === 'en')?.body).toContain('Road to Kamarlo');
    expect(notices.find((n) => n.locale === 'az')?.body).toContain('Road to Kamarlo (az)');

    // Each notice is queued once, in send jobs of up to MAILS_PER_SEND_JOB messages.
    const noticePrefix = `petitions:threshold:${petitionId}:`;
    const queued = await queuedMessageKeys(t, noticePrefix);
    expect(queued).toHaveLength(notices.length);
    expect(new Set(queued).size).toBe(notices.length);
    expect(await sendJobsNaming(t, noticePrefix)).toHaveLength(
      Math.ceil(notices.length / MAILS_PER_SEND_JOB),
    );

    // The job runs again (a retry after a crash): nothing new is stored or queued.
    await notifier.deliver(payload);
    expect(await storedNotices()).toHaveLength(notices.length);
    expect(await queuedMessageKeys(t, noticePrefix)).toEqual(queued);

    // The jobs written in one statement are dispatched like single ones; the test waits only for the first
    // notice in each language (the send-job tests see every message of a chunk arrive).
    for (const catalogue of [ka, en, az]) {
      await t.smtp.waitFor((m) => m.subject === catalogue['petitions.mail.threshold.subject'], 30_000);
    }
  });

  it('names every signatory in the list for the Sakrebulo, reading the accounts in one query', async () => {
    const csv = await request(t.url)
      .get(`/api/v1/admin/petitions/${petitionId}/signatories.csv`)
      .auth(staff.token, { type: 'bearer' })
      .expect(200);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(SIGNATORIES + 1);
    for (const signatory of signatories) {
      expect(csv.text).toContain(`online,${signatory.name},`);
    }

    const actor = { id: staff.id, label: 'staff', roles: ['staff' as const] };
    const { statements } = await countStatements(t.dataSource, () =>
      t.app.get(SignatoryExportService).csv(actor, petitionId),
    );
    // The signatures, the accounts, the audit row and the transaction around them (one lookup per row before).
    expect(statements.length).toBeLessThan(10);
  });
});
