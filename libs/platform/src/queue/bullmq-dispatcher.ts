import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JobDispatcher } from './job-dispatcher';
import { backoffMs, JobRow, RecurringJob } from './job.types';

const SWEEP_MS = 2000;
// Jobs are kept a while after they finish so that a re-sent outbox row with the same id is ignored.
const KEEP_COMPLETED_S = 7 * 24 * 3600;

/** BullMQ refuses custom job ids with ':'; keys keep their readable shape with '|' instead. */
export function bullJobId(key: string): string {
  return key.replaceAll(':', '|');
}

/**
 * With REDIS_URL: the outbox rows are handed to BullMQ with their key as job id, in the same transaction
 * that marks them queued. A crash between the hand-off and the commit re-sends the row; BullMQ's job id
 * drops the duplicate. Every replica sweeps; SKIP LOCKED keeps them from handing off the same row.
 */
@Injectable()
export class BullmqDispatcher
  extends JobDispatcher
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  protected readonly logger = new Logger('BullmqJobs');
  private readonly connection: IORedis;
  private readonly queues = new Map<string, Queue>();
  private timer?: NodeJS.Timeout;
  private readonly prefix: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.prefix = config.queuePrefix;
    this.connection = new IORedis(config.redisUrl ?? '', { maxRetriesPerRequest: null, lazyConnect: false });
    this.connection.on('error', (error) => this.logger.warn(`redis: ${error.message}`));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), SWEEP_MS);
    this.timer.unref();
    this.kick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.stop();
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await this.connection.quit().catch(() => undefined);
  }

  async scheduleRecurring(job: RecurringJob): Promise<void> {
    await this.queue(job.queue).upsertJobScheduler(
      job.name,
      { every: job.everyMs },
      { name: job.name, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  protected async pass(): Promise<number> {
    let total = 0;
    for (;;) {
      const handed = await this.dataSource.transaction(async (manager) => {
        const rows = (await manager.query(
          `SELECT id, queue, name, job_key, payload, run_at, attempts, max_attempts FROM platform_jobs
            WHERE status = 'pending' ORDER BY id LIMIT 200 FOR UPDATE SKIP LOCKED`,
        )) as JobRow[];
        for (const row of rows) {
          await this.queue(row.queue).add(row.name, row.payload, {
            jobId: bullJobId(row.job_key),
            delay: Math.max(0, new Date(row.run_at).getTime() - Date.now()),
            attempts: row.max_attempts,
            backoff: { type: 'exponential', delay: backoffMs(1) },
            removeOnComplete: { age: KEEP_COMPLETED_S },
            removeOnFail: { age: 4 * KEEP_COMPLETED_S },
          });
        }
        if (rows.length > 0) {
          await manager.query(
            `UPDATE platform_jobs SET status = 'queued', updated_at = now() WHERE id = ANY($1::bigint[])`,
            [rows.map((row) => row.id)],
          );
        }
        return rows.length;
      });
      total += handed;
      if (handed < 200) {
        return total;
      }
    }
  }
}
