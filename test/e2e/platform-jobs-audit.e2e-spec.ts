import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import {
  AuditChainer,
  AuditLog,
  AuditVerifier,
  JobQueue,
  MailService,
  MunicipalityService,
  RecurringJobs,
  TransactionRunner,
} from '@chartuloba/platform';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { runCli } from '../support/spawn-app';
import { until } from '../support/until';

async function seedMunicipality(t: TestApp): Promise<void> {
  await t.app
    .get(MunicipalityService)
    .create('dmanisi', { ka: 'დმანისი', en: 'Dmanisi' }, [
      { slug: 'irganchai', kind: 'village', name: { ka: 'ირგანჩაი', en: 'Irganchai' } },
    ]);
}

describe('platform: audit chain, jobs and mail on the configured servers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedMunicipality(t);
  });
  afterAll(async () => t.close());

  describe('audit log', () => {
    it('appends a row for every action and chains them so that audit:verify passes', async () => {
      const municipalities = t.app.get(MunicipalityService);
      for (const voters of [20013, 20100]) {
        await municipalities.recordVoterCount(
          { registeredVoters: voters, asOf: '2024-10-26', source: 'CEC' },
          { id: '00000000-0000-4000-8000-000000000001', label: 'staff', roles: ['staff'] },
        );
      }
      await t.app.get(AuditChainer).chainPending();
      const rows = (await t.dataSource.query(
        `SELECT action, hash FROM platform_audit_log WHERE action = 'platform.voter-count-recorded'`,
      )) as Array<{ hash: string | null }>;
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.hash?.length === 64)).toBe(true);
      expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true, unchained: 0 });
    });

    it('keeps appends concurrent: 200 parallel actions each get exactly one chained row', async () => {
      const audit = t.app.get(AuditLog);
      const transactions = t.app.get(TransactionRunner);
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          transactions.run(() =>
            audit.record({
              actor: null,
              action: 'test.parallel',
              subject: { type: 'probe', id: String(i) },
              summary: `#${i}`,
            }),
          ),
        ),
      );
      await t.app.get(AuditChainer).chainPending();
      const [{ count }] = (await t.dataSource.query(
        `SELECT count(DISTINCT seq)::int AS count FROM platform_audit_log WHERE action = 'test.parallel'`,
      )) as [{ count: number }];
      expect(count).toBe(200);
      expect((await t.app.get(AuditVerifier).verify()).ok).toBe(true);
    });

    it('refuses updates and deletes of chained rows in the database itself', async () => {
      await expect(t.dataSource.query(`DELETE FROM platform_audit_log WHERE seq = 1`)).rejects.toThrow(
        /append-only/,
      );
      await expect(
        t.dataSource.query(`UPDATE platform_audit_log SET summary = 'x' WHERE seq = 1`),
      ).rejects.toThrow(/append-only/);
    });

    it('names the first altered row when someone with database rights tampers with it', async () => {
      await t.dataSource.query(`ALTER TABLE platform_audit_log DISABLE TRIGGER platform_audit_append_only`);
      await t.dataSource.query(
        `UPDATE platform_audit_log SET summary = 'Registered voters 99' WHERE seq = 2`,
      );
      await t.dataSource.query(`ALTER TABLE platform_audit_log ENABLE TRIGGER platform_audit_append_only`);
      const [{ id }] = (await t.dataSource.query(`SELECT id FROM platform_audit_log WHERE seq = 2`)) as [
        { id: string },
      ];
      const result = await t.app.get(AuditVerifier).verify();
      expect(result.ok).toBe(false);
      expect(result.firstBad).toMatchObject({ seq: '2', id: String(id) });
      if (t.config.mode.database === 'postgres') {
        // The operator command says the same and fails.
        const cli = await runCli(
          { DATABASE_URL: t.config.databaseUrl ?? '', APP_SECRET: t.config.appSecret },
          ['audit:verify'],
        );
        expect(cli.code).toBe(1);
        expect(cli.output).toContain(`row id ${id}`);
      }
    });
  });

  describe('jobs and mail', () => {
    const send = (key: string, to = 'resident@example.ge') =>
      t.app.get(MailService).send({
        to,
        locale: 'ka',
        subjectKey: 'platform.site.name',
        bodyKeys: ['platform.home.intro'],
        key,
      });

    it(`delivers mail through a job (${process.env.REDIS_URL ? 'BullMQ worker' : 'inline'}) to the SMTP server`, async () => {
      await send('test:first', 'first@example.ge');
      await t.drainJobs();
      const mail = await t.smtp.waitFor((m) => m.to.includes('first@example.ge'));
      expect(mail.subject).toBe('ჩართულობა');
      expect(mail.text).toContain('ხელი მოაწერეთ');
    });

    it('sends nothing for an action whose transaction rolled back', async () => {
      await t.app
        .get(TransactionRunner)
        .run(async () => {
          await send('test:rolled-back', 'rollback@example.ge');
          throw new Error('the action failed');
        })
        .catch(() => undefined);
      await t.drainJobs();
      await send('test:after-rollback', 'after@example.ge');
      await t.drainJobs();
      await t.smtp.waitFor((m) => m.to.includes('after@example.ge'));
      expect(t.smtp.to('rollback@example.ge')).toHaveLength(0);
      const jobs = (await t.dataSource.query(
        `SELECT 1 FROM platform_jobs WHERE job_key = 'mail:test:rolled-back'`,
      )) as unknown[];
      expect(jobs).toHaveLength(0);
    });

    it('sends a message once when the same job runs again after a crash', async () => {
      await send('test:crash', 'crash@example.ge');
      await t.drainJobs();
      await t.smtp.waitFor((m) => m.to.includes('crash@example.ge'));
      // A worker that died after sending but before acknowledging gets its job handed out again.
      if (t.config.redisUrl) {
        const connection = new IORedis(t.config.redisUrl, { maxRetriesPerRequest: null });
        const queue = new Queue('platform', { connection, prefix: t.config.queuePrefix });
        await queue.add('platform.send-mail', { messageKey: 'test:crash' }, { jobId: 'retry-after-crash' });
        await until(async () => (await queue.getJob('retry-after-crash'))?.finishedOn !== undefined);
        await queue.close();
        await connection.quit();
      } else {
        await t.dataSource.query(
          `UPDATE platform_jobs SET status = 'pending' WHERE job_key = 'mail:test:crash'`,
        );
        await t.drainJobs();
        const [row] = (await t.dataSource.query(
          `SELECT status, attempts FROM platform_jobs WHERE job_key = 'mail:test:crash'`,
        )) as Array<{ status: string; attempts: number }>;
        expect(row).toEqual({ status: 'done', attempts: 2 });
      }
      expect(t.smtp.to('crash@example.ge')).toHaveLength(1);
    });

    it('runs a delayed job no earlier than its time', async () => {
      const runAt = new Date(Date.now() + 1500);
      await t.app.get(JobQueue).enqueue({
        queue: 'platform',
        name: 'platform.chain-audit',
        payload: {},
        key: 'test:delayed',
        runAt,
      });
      await t.drainJobs();
      if (t.config.redisUrl) {
        const connection = new IORedis(t.config.redisUrl, { maxRetriesPerRequest: null });
        const queue = new Queue('platform', { connection, prefix: t.config.queuePrefix });
        const job = await queue.getJob('test|delayed');
        expect(await job?.isDelayed()).toBe(true);
        await until(async () => (await queue.getJob('test|delayed'))?.finishedOn !== undefined);
        expect((await queue.getJob('test|delayed'))?.processedOn).toBeGreaterThanOrEqual(runAt.getTime() - 5);
        await queue.close();
        await connection.quit();
      } else {
        const status = async () =>
          (
            (await t.dataSource.query(
              `SELECT status FROM platform_jobs WHERE job_key = 'test:delayed'`,
            )) as Array<{
              status: string;
            }>
          )[0]?.status;
        expect(await status()).toBe('pending');
        await until(async () => (await status()) === 'done');
        expect(Date.now()).toBeGreaterThanOrEqual(runAt.getTime());
      }
    });

    it('runs a recurring job on its interval', async () => {
      await t.app
        .get(RecurringJobs)
        .register({ queue: 'platform', name: 'platform.chain-audit', everyMs: 500 });
      if (t.config.redisUrl) {
        const connection = new IORedis(t.config.redisUrl, { maxRetriesPerRequest: null });
        const queue = new Queue('platform', { connection, prefix: t.config.queuePrefix });
        await until(async () => (await queue.getCompleted()).filter((job) => job.repeatJobKey).length >= 2);
        await queue.close();
        await connection.quit();
      } else {
        await until(async () => {
          const [{ n }] = (await t.dataSource.query(
            `SELECT count(*)::int AS n FROM platform_jobs WHERE job_key LIKE 'recurring:platform.chain-audit:%' AND status = 'done'`,
          )) as [{ n: number }];
          return n >= 2;
        });
      }
    });

    it('enqueues a job once per idempotency key', async () => {
      const jobs = t.app.get(JobQueue);
      await jobs.enqueue({ queue: 'platform', name: 'platform.chain-audit', payload: {}, key: 'test:once' });
      await jobs.enqueue({ queue: 'platform', name: 'platform.chain-audit', payload: {}, key: 'test:once' });
      const rows = (await t.dataSource.query(
        `SELECT 1 FROM platform_jobs WHERE job_key = 'test:once'`,
      )) as unknown[];
      expect(rows).toHaveLength(1);
    });
  });
});
