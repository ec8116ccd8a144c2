import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import {
  JobQueue,
  MAILS_PER_SEND_JOB,
  MailRequest,
  MailService,
  SEND_MAIL_JOB,
  SendMailPayload,
} from '@chartuloba/platform';
import { countStatements, startTestApp, TestApp } from '@chartuloba/testing';
import { sendJobsNaming } from '../support/mail-jobs';
import { until } from '../support/until';

const pad = (i: number) => String(i).padStart(3, '0');

function mail(key: string, to: string): MailRequest {
  return { to, locale: 'en', subjectKey: 'platform.site.name', bodyKeys: ['platform.home.intro'], key };
}

interface StoredMail {
  key: string;
  sent: boolean;
  refused: boolean;
  attempts: number;
  lastError: string | null;
}

describe('platform: mail sent a chunk per job', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const storedMail = async (keyPrefix: string) =>
    (await t.dataSource.query(
      `SELECT message_key AS key, sent_at IS NOT NULL AS sent, refused_at IS NOT NULL AS refused, attempts,
              last_error AS "lastError"
         FROM platform_mail WHERE message_key LIKE $1 ORDER BY message_key`,
      [`${keyPrefix}%`],
    )) as StoredMail[];

  const allSent = (keyPrefix: string) => async () => (await storedMail(keyPrefix)).every((row) => row.sent);

  /**
   * Messages stored without a send job, as a job would find them: the test hands them to `deliverMany`
   * itself, with no dispatcher sending them at the same time. `<name>:000` goes to `<name>-0@example.ge`.
   */
  async function storeWithoutJobs(name: string, count: number): Promise<string[]> {
    const rows = (await t.dataSource.query(
      `INSERT INTO platform_mail (message_key, to_address, locale, subject, text_body)
       SELECT $1 || ':' || lpad(n::text, 3, '0'), $1 || '-' || n || '@example.ge', 'en', $1, 'Body'
         FROM generate_series(0, $2::int - 1) AS n
       RETURNING message_key AS key`,
      [name, count],
    )) as Array<{ key: string }>;
    return rows.map((row) => row.key).sort();
  }

  /** Every address got exactly one message. */
  function expectEachOnce(addresses: string[]): void {
    expect(addresses.filter((address) => t.smtp.to(address).length !== 1)).toEqual([]);
  }

  it('queues a hundred and twenty messages in chunks and sends each exactly once', async () => {
    const requests = Array.from({ length: 120 }, (_, i) =>
      mail(`chunked:${pad(i)}`, `chunked-${i}@example.ge`),
    );
    const service = t.app.get(MailService);
    await service.sendMany(requests);

    const jobs = await sendJobsNaming(t, 'chunked:');
    const firsts = Array.from(
      { length: Math.ceil(120 / MAILS_PER_SEND_JOB) },
      (_, i) => i * MAILS_PER_SEND_JOB,
    );
    expect(jobs.map((job) => job.key)).toEqual(
      firsts.map((first) => `mails:${Math.min(MAILS_PER_SEND_JOB, 120 - first)}:chunked:${pad(first)}`),
    );
    expect(jobs.flatMap((job) => job.messageKeys)).toEqual(requests.map((r) => r.key));
    // The caller asks again (its own job retried): nothing more is queued.
    await service.sendMany(requests);
    expect(await sendJobsNaming(t, 'chunked:')).toEqual(jobs);

    await t.drainJobs();
    await until(allSent('chunked:'), 30_000);
    expectEachOnce(requests.map((r) => r.to));
    expect((await storedMail('chunked:')).every((row) => row.attempts === 1)).toBe(true);
  });

  it('delivers a chunk in the same statements whatever its size', async () => {
    const service = t.app.get(MailService);
    const costs: number[][] = [];
    for (const size of [1, 10, MAILS_PER_SEND_JOB]) {
      const keys = await storeWithoutJobs(`flat${size}`, size);
      const first = await countStatements(t.dataSource, () => service.deliverMany(keys));
      expect(first.result).toEqual({ sent: size, alreadySent: 0, refused: 0, unknown: 0 });
      const again = await countStatements(t.dataSource, () => service.deliverMany([...keys, 'flat:unknown']));
      expect(again.result).toEqual({ sent: 0, alreadySent: size, refused: 0, unknown: 1 });
      costs.push([first.statements.length, again.statements.length]);
      expectEachOnce(Array.from({ length: size }, (_, i) => `flat${size}-${i}@example.ge`));
    }
    // One SELECT and one UPDATE for the sent; asked again, the SELECT alone.
    expect(costs).toEqual([
      [2, 1],
      [2, 1],
      [2, 1],
    ]);
  });

  it('records what a failing relay accepted, and the retry sends only the rest', async () => {
    const requests = Array.from({ length: 30 }, (_, i) => mail(`flaky:${pad(i)}`, `flaky-${i}@example.ge`));
    const refused = requests.filter((_, i) => i % 3 === 1);
    const refusedAddresses = new Set(refused.map((r) => r.to));
    const refusedKeys = new Set(refused.map((r) => r.key));
    t.smtp.refuses = (address) => refusedAddresses.has(address);
    try {
      await t.app.get(MailService).sendMany(requests);
      expect(await sendJobsNaming(t, 'flaky:')).toHaveLength(1);
      await t.drainJobs();
      await until(async () => (await storedMail('flaky:')).every((row) => row.sent || row.lastError));
      const afterFailure = await storedMail('flaky:');
      expect(afterFailure.filter((row) => row.sent).map((row) => row.key)).toEqual(
        requests.filter((r) => !refusedKeys.has(r.key)).map((r) => r.key),
      );
      for (const row of afterFailure.filter((row) => !row.sent)) {
        expect(row.lastError).toContain('mailbox busy');
      }
    } finally {
      t.smtp.refuses = () => false;
    }

    // The job failed and is retried after its backoff (a second or so), by either dispatcher.
    await until(allSent('flaky:'), 30_000);
    expectEachOnce(requests.map((r) => r.to));
    // Those accepted the first time were not tried again; the refused ones were, until they went.
    const rows = await storedMail('flaky:');
    expect(rows.filter((row) => !refusedKeys.has(row.key)).map((row) => row.attempts)).toEqual(
      Array.from({ length: requests.length - refused.length }, () => 1),
    );
    expect(rows.filter((row) => refusedKeys.has(row.key) && row.attempts < 2)).toEqual([]);
    if (!t.config.redisUrl) {
      const job = async () =>
        (
          (await t.dataSource.query(`SELECT status, attempts FROM platform_jobs WHERE job_key = $1`, [
            'mails:30:flaky:000',
          ])) as Array<{ status: string; attempts: number }>
        )[0];
      await until(async () => (await job())?.status === 'done');
      expect((await job())?.attempts).toBeGreaterThan(1);
    }
  });

  /** How often the catcher turned `address` away. */
  const turnedAway = (address: string) => t.smtp.turnedAway.filter((a) => a === address).length;

  it('records a mailbox refused for good, sends the rest, and never tries it again', async () => {
    const keys = await storeWithoutJobs('gone', 5);
    const gone = 'gone-2@example.ge';
    t.smtp.rejects = (address) => address === gone;
    try {
      const service = t.app.get(MailService);
      // Only a refusal failed, so there is nothing to retry: it resolves, in the usual three statements.
      const first = await countStatements(t.dataSource, () => service.deliverMany(keys));
      expect(first.result).toEqual({ sent: 4, alreadySent: 0, refused: 1, unknown: 0 });
      expect(first.statements).toHaveLength(3);
      const rows = await storedMail('gone:');
      expect(rows.filter((row) => row.sent).map((row) => row.key)).toEqual(
        keys.filter((key) => key !== 'gone:002'),
      );
      expect(rows.find((row) => row.key === 'gone:002')).toMatchObject({
        sent: false,
        refused: true,
        attempts: 1,
        lastError: expect.stringContaining('550 mailbox unavailable') as string,
      });
      expect(rows.filter((row) => row.key !== 'gone:002' && row.refused)).toEqual([]);

      const again = await countStatements(t.dataSource, () => service.deliverMany(keys));
      expect(again.result).toEqual({ sent: 0, alreadySent: 4, refused: 1, unknown: 0 });
      expect(again.statements).toHaveLength(1);
      expect(turnedAway(gone)).toBe(1);
      expectEachOnce([0, 1, 3, 4].map((i) => `gone-${i}@example.ge`));
    } finally {
      t.smtp.rejects = () => false;
    }
  });

  it('throws while a temporary failure remains, and the retry tries only that one', async () => {
    const keys = await storeWithoutJobs('mixed', 4);
    const [gone, busy] = ['mixed-1@example.ge', 'mixed-2@example.ge'];
    t.smtp.rejects = (address) => address === gone;
    t.smtp.refuses = (address) => address === busy;
    const service = t.app.get(MailService);
    try {
      // The error counts and names the one worth retrying, not the refusal.
      await expect(service.deliverMany(keys)).rejects.toThrow(
        /^1 of 4 mails not sent \(1 more refused for good\); mixed:002: .*451 mailbox busy/,
      );
      const rows = await storedMail('mixed:');
      expect(rows.map(({ key, sent, refused, attempts }) => ({ key, sent, refused, attempts }))).toEqual([
        { key: 'mixed:000', sent: true, refused: false, attempts: 1 },
        { key: 'mixed:001', sent: false, refused: true, attempts: 1 },
        { key: 'mixed:002', sent: false, refused: false, attempts: 1 },
        { key: 'mixed:003', sent: true, refused: false, attempts: 1 },
      ]);
      expect(rows[1]?.lastError).toContain('550 mailbox unavailable');
      expect(rows[2]?.lastError).toContain('451 mailbox busy');

      t.smtp.refuses = () => false;
      expect(await service.deliverMany(keys)).toEqual({ sent: 1, alreadySent: 2, refused: 1, unknown: 0 });
    } finally {
      t.smtp.rejects = () => false;
      t.smtp.refuses = () => false;
    }
    expect([turnedAway(gone), turnedAway(busy)]).toEqual([1, 1]);
    expectEachOnce(['mixed-0@example.ge', 'mixed-2@example.ge', 'mixed-3@example.ge']);
    expect(t.smtp.to(gone)).toHaveLength(0);
    expect((await storedMail('mixed:')).map((row) => row.attempts)).toEqual([1, 1, 2, 1]);
  });

  it('finishes a send job at its first run when its only failure is a refusal', async () => {
    const requests = Array.from({ length: 3 }, (_, i) =>
      mail(`gonejob:${pad(i)}`, `gonejob-${i}@example.ge`),
    );
    const gone = 'gonejob-1@example.ge';
    t.smtp.rejects = (address) => address === gone;
    try {
      await t.app.get(MailService).sendMany(requests);
      await t.drainJobs();
      await until(async () => (await storedMail('gonejob:')).every((row) => row.sent || row.refused));
      if (t.config.redisUrl) {
        const connection = new IORedis(t.config.redisUrl, { maxRetriesPerRequest: null });
        const queue = new Queue('platform', { connection, prefix: t.config.queuePrefix });
        try {
          const job = () => queue.getJob('mails|3|gonejob|000');
          await until(async () => (await job())?.finishedOn !== undefined);
          const finished = await job();
          expect([finished?.attemptsMade, finished?.failedReason]).toEqual([1, undefined]);
          expect(finished?.returnvalue).toEqual({ sent: 2, alreadySent: 0, refused: 1, unknown: 0 });
        } finally {
          await queue.close();
          await connection.quit();
        }
      } else {
        const [job] = (await t.dataSource.query(
          `SELECT status, attempts, last_error AS "lastError" FROM platform_jobs WHERE job_key = $1`,
          ['mails:3:gonejob:000'],
        )) as Array<{ status: string; attempts: number; lastError: string | null }>;
        expect(job).toEqual({ status: 'done', attempts: 1, lastError: null });
      }
    } finally {
      t.smtp.rejects = () => false;
    }
    expect(turnedAway(gone)).toBe(1);
    expectEachOnce(['gonejob-0@example.ge', 'gonejob-2@example.ge']);
  });

  it('still delivers a job enqueued before chunking, which names one message', async () => {
    expect(await storeWithoutJobs('legacy', 1)).toEqual(['legacy:000']);
    const payload: SendMailPayload = { messageKey: 'legacy:000' };
    await t.app
      .get(JobQueue)
      .enqueue({ queue: 'platform', name: SEND_MAIL_JOB, payload, key: 'mail:legacy:000' });
    await t.drainJobs();
    await until(allSent('legacy:'));
    expectEachOnce(['legacy-0@example.ge']);
  });
});

describe('platform: inline jobs marked done a claimed chunk at a time', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ mode: 'embedded' });
  });
  afterAll(async () => t?.close());

  it('marks the finished jobs of a chunk in one statement and a failed one on its own', async () => {
    const job = (key: string, queue = 'platform') => ({
      queue,
      name: 'platform.chain-audit',
      payload: {},
      key,
      maxAttempts: 1,
    });
    await t.app
      .get(JobQueue)
      .enqueueMany([
        ...Array.from({ length: 22 }, (_, i) => job(`marks:${pad(i)}`)),
        job('marks:no-processor', 'nowhere'),
        ...Array.from({ length: 22 }, (_, i) => job(`marks:${pad(22 + i)}`)),
      ]);
    await t.drainJobs();

    const rows = (await t.dataSource.query(
      `SELECT job_key AS key, status, last_error AS "lastError", updated_at::text AS "updatedAt"
         FROM platform_jobs WHERE job_key LIKE 'marks:%' ORDER BY id`,
    )) as Array<{ key: string; status: string; lastError: string | null; updatedAt: string }>;
    const done = rows.filter((row) => row.key !== 'marks:no-processor');
    expect(done.every((row) => row.status === 'done')).toBe(true);
    expect(rows.find((row) => row.key === 'marks:no-processor')).toMatchObject({
      status: 'failed',
      lastError: 'no processor for queue nowhere',
    });
    // Rows marked by one statement share its now() (to the microsecond, hence ::text): 44 done jobs claimed
    // twenty at a time are three marks, four if a recurring job took a place in a claim; not one per job.
    const marks = new Set(done.map((row) => row.updatedAt));
    expect(marks.size).toBeGreaterThanOrEqual(Math.ceil(45 / 20));
    expect(marks.size).toBeLessThanOrEqual(Math.ceil(45 / 20) + 1);
  });
});
