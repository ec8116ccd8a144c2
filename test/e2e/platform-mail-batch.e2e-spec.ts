import { en } from '../../libs/platform/src/i18n/messages/en';
import { ka } from '../../libs/platform/src/i18n/messages/ka';
import {
  JobQueue,
  MAILS_PER_SEND_JOB,
  MailRequest,
  MailService,
  MunicipalityService,
  TransactionRunner,
} from '@chartuloba/platform';
import { countStatements, startTestApp, TestApp } from '@chartuloba/testing';
import { sendJobsNaming } from '../support/mail-jobs';

function mail(key: string, to: string, locale: MailRequest['locale'] = 'ka'): MailRequest {
  return { to, locale, subjectKey: 'platform.site.name', bodyKeys: ['platform.home.intro'], key };
}

describe('platform: mail and jobs asked for many at a time', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app
      .get(MunicipalityService)
      .create('dmanisi', { ka: 'დმანისი', en: 'Dmanisi' }, [
        { slug: 'irganchai', kind: 'village', name: { ka: 'ირგანჩაი', en: 'Irganchai' } },
      ]);
  });
  afterAll(async () => t?.close());

  const stored = async (keyPrefix: string) =>
    (await t.dataSource.query(
      `SELECT message_key AS key, to_address AS "to", locale, subject, text_body AS body
         FROM platform_mail WHERE message_key LIKE $1 ORDER BY message_key`,
      [`${keyPrefix}%`],
    )) as Array<{ key: string; to: string; locale: string; subject: string; body: string }>;

  it('renders each message in its recipient’s language and sends it through its job', async () => {
    await t.app
      .get(MailService)
      .sendMany([mail('batch:ka', 'nino@example.ge', 'ka'), mail('batch:en', 'john@example.ge', 'en')]);

    const [inEnglish, inGeorgian] = await stored('batch:');
    expect(inGeorgian).toMatchObject({
      to: 'nino@example.ge',
      locale: 'ka',
      subject: ka['platform.site.name'],
    });
    expect(inGeorgian?.body).toContain(ka['platform.mail.greeting']);
    expect(inGeorgian?.body).toContain('დმანისი');
    expect(inEnglish).toMatchObject({
      to: 'john@example.ge',
      locale: 'en',
      subject: en['platform.site.name'],
    });
    expect(inEnglish?.body).toContain(en['platform.mail.greeting']);
    expect(inEnglish?.body).toContain('Dmanisi');

    await t.drainJobs();
    expect((await t.smtp.waitFor((m) => m.to.includes('nino@example.ge'))).subject).toBe(
      ka['platform.site.name'],
    );
    expect((await t.smtp.waitFor((m) => m.to.includes('john@example.ge'))).subject).toBe(
      en['platform.site.name'],
    );
  });

  it('sends many messages over a few reused SMTP connections, not one handshake each', async () => {
    const before = t.smtp.connections;
    await t.app
      .get(MailService)
      .sendMany(Array.from({ length: 12 }, (_, i) => mail(`pooled:${i}`, `pooled${i}@example.ge`)));
    await t.drainJobs();
    for (let i = 0; i < 12; i += 1) {
      await t.smtp.waitFor((m) => m.to.includes(`pooled${i}@example.ge`));
    }
    expect(t.smtp.connections - before).toBeLessThan(12);
  });

  it('stores and sends a key once, whether it repeats within one call or across calls', async () => {
    const service = t.app.get(MailService);
    await service.sendMany([
      mail('twice:a', 'first@example.ge'),
      mail('twice:a', 'second@example.ge'),
      mail('twice:b', 'other@example.ge'),
    ]);
    await service.sendMany([mail('twice:a', 'third@example.ge'), mail('twice:b', 'other@example.ge')]);
    await service.send(mail('twice:b', 'other@example.ge'));

    expect((await stored('twice:')).map((m) => [m.key, m.to])).toEqual([
      ['twice:a', 'first@example.ge'],
      ['twice:b', 'other@example.ge'],
    ]);
    // The first call stored both and queued them in one job; the later ones stored and queued nothing.
    expect(await sendJobsNaming(t, 'twice:')).toEqual([
      { key: 'mails:2:twice:a', messageKeys: ['twice:a', 'twice:b'] },
    ]);
    await t.drainJobs();
    await t.smtp.waitFor((m) => m.to.includes('first@example.ge'));
    await t.smtp.waitFor((m) => m.to.includes('other@example.ge'));
    expect(t.smtp.to('other@example.ge')).toHaveLength(1);
    expect(t.smtp.to('second@example.ge')).toHaveLength(0);
    expect(t.smtp.to('third@example.ge')).toHaveLength(0);
  });

  it('stores nothing when the caller’s transaction rolls back', async () => {
    await expect(
      t.app.get(TransactionRunner).run(async () => {
        await t.app
          .get(MailService)
          .sendMany([mail('undone:1', 'undone@example.ge'), mail('undone:2', 'undone@example.ge')]);
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    await t.drainJobs();
    expect(await stored('undone:')).toEqual([]);
    expect(await sendJobsNaming(t, 'undone:')).toEqual([]);
  });

  it('writes two hundred messages and their send jobs in one transaction of two statements', async () => {
    const requests = Array.from({ length: 200 }, (_, i) =>
      mail(`many:${String(i).padStart(3, '0')}`, `many-${i}@example.ge`, i % 2 ? 'en' : 'ka'),
    );
    const { statements } = await countStatements(t.dataSource, () =>
      t.app.get(MailService).sendMany(requests),
    );
    expect(statements.filter((sql) => sql !== 'START TRANSACTION' && sql !== 'COMMIT')).toHaveLength(2);
    expect(await stored('many:')).toHaveLength(200);
    const jobs = await sendJobsNaming(t, 'many:');
    expect(jobs).toHaveLength(Math.ceil(200 / MAILS_PER_SEND_JOB));
    expect(jobs.flatMap((job) => job.messageKeys)).toEqual(requests.map((r) => r.key));
  });

  it('enqueues many jobs once per key, keeping each one’s time and attempts', async () => {
    const jobs = t.app.get(JobQueue);
    const later = new Date(Date.now() + 3_600_000);
    const job = (key: string, runAt?: Date) => ({
      queue: 'platform',
      name: 'platform.chain-audit',
      payload: { key },
      key,
      runAt,
      maxAttempts: 2,
    });
    await jobs.enqueueMany([job('bulk:1', later), job('bulk:1'), job('bulk:2', later)]);
    await jobs.enqueueMany([job('bulk:2'), job('bulk:3', later)]);
    await jobs.enqueueMany([]);

    const rows = (await t.dataSource.query(
      `SELECT job_key AS key, payload, run_at AS "runAt", max_attempts AS "maxAttempts"
         FROM platform_jobs WHERE job_key LIKE 'bulk:%' ORDER BY id`,
    )) as Array<{ key: string; payload: object; runAt: Date; maxAttempts: number }>;
    expect(rows.map((r) => r.key)).toEqual(['bulk:1', 'bulk:2', 'bulk:3']);
    expect(rows.map((r) => r.runAt.getTime())).toEqual([later, later, later].map((d) => d.getTime()));
    expect(rows[0]).toMatchObject({ payload: { key: 'bulk:1' }, maxAttempts: 2 });
  });
});
