import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { PLATFORM_ROLE, PlatformRole } from '../config/platform-role';
import { DataSource } from 'typeorm';
import { JobDispatcher } from './job-dispatcher';
import { backoffMs, JobRow, RecurringJob } from './job.types';
import { inlineJob, ProcessorRegistry } from './processor-registry';

const POLL_MS = 1000;

/**
 * Embedded mode (no REDIS_URL): the outbox is the queue. Jobs run in this process once committed; the poll
 * is the scheduler for delayed and recurring jobs; a crash mid-job leaves it `running`, and the next start
 * puts it back to `pending` (PGlite has one process, so nobody else can be running it).
 */
@Injectable()
export class InlineDispatcher
  extends JobDispatcher
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  protected readonly logger = new Logger('InlineJobs');
  private readonly recurring: RecurringJob[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly processors: ProcessorRegistry,
    @Inject(PLATFORM_ROLE) private readonly role: PlatformRole,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // A CLI command runs beside a live portal: it must neither take back the portal's running jobs nor poll.
    if (this.role === 'cli') {
      return;
    }
    await this.dataSource.query(
      `UPDATE platform_jobs SET status = 'pending', updated_at = now() WHERE status = 'running'`,
    );
    this.timer = setInterval(() => this.tick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.stop();
  }

  async scheduleRecurring(job: RecurringJob): Promise<void> {
    this.recurring.push(job);
  }

  private tick(): void {
    const now = Date.now();
    for (const job of this.recurring) {
      const slot = Math.floor(now / job.everyMs);
      void this.dataSource
        .query(
          `INSERT INTO platform_jobs (queue, name, job_key, payload) VALUES ($1, $2, $3, '{}'::jsonb)
           ON CONFLICT (job_key) DO NOTHING`,
          [job.queue, job.name, `recurring:${job.name}:${slot}`],
        )
        .catch((error: unknown) => this.logger.warn(`recurring ${job.name}: ${(error as Error).message}`));
    }
    this.kick();
  }

  protected async pass(): Promise<number> {
    let ran = 0;
    for (;;) {
      if (this.stopped) {
        return ran;
      }
      const rows = (await this.dataSource.query(
        `UPDATE platform_jobs SET status = 'running', attempts = attempts + 1, updated_at = now()
          WHERE id IN (SELECT id FROM platform_jobs WHERE status = 'pending' AND run_at <= now()
                        ORDER BY run_at, id LIMIT 20 FOR UPDATE SKIP LOCKED)
          RETURNING id, queue, name, job_key, payload, run_at, attempts, max_attempts`,
      )) as [JobRow[], number] | JobRow[];
      const claimed = normaliseReturning(rows);
      if (claimed.length === 0) {
        return ran;
      }
      const done: string[] = [];
      for (const row of claimed) {
        if (await this.runOne(row)) {
          done.push(row.id);
        }
        ran += 1;
      }
      // The claimed chunk's finished jobs are marked in one statement, not one each. One that ran but dies
      // with the process before this stays `running`, and the next start runs it again: at least once, as
      // with BullMQ, which the processors allow for (a mail job skips the messages it recorded sent).
      if (done.length > 0) {
        await this.dataSource.query(
          `UPDATE platform_jobs SET status = 'done', last_error = NULL, updated_at = now()
            WHERE id = ANY($1::bigint[])`,
          [done],
        );
      }
    }
  }

  /** Runs a claimed job and says whether it succeeded; a failure is recorded here, to retry or give up. */
  private async runOne(row: JobRow): Promise<boolean> {
    const processor = this.processors.processorFor(row.queue);
    try {
      if (!processor) {
        throw new Error(`no processor for queue ${row.queue}`);
      }
      await processor.process(inlineJob(row.job_key, row.name, row.payload, row.attempts - 1));
      return true;
    } catch (error) {
      const message = (error as Error).message;
      const final = row.attempts >= row.max_attempts;
      this.logger.warn(`job ${row.name} (${row.job_key}) attempt ${row.attempts} failed: ${message}`);
      await this.dataSource.query(
        `UPDATE platform_jobs SET status = $2, last_error = $3, run_at = now() + ($4 || ' milliseconds')::interval,
                updated_at = now() WHERE id = $1`,
        [row.id, final ? 'failed' : 'pending', message, String(backoffMs(row.attempts))],
      );
      return false;
    }
  }
}

/** TypeORM's `query` returns `[rows, count]` for UPDATE … RETURNING on postgres. */
export function normaliseReturning<T>(result: [T[], number] | T[]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
