import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { JobDispatcher } from './job-dispatcher';
import { DEFAULT_MAX_ATTEMPTS, JobRequest } from './job.types';

/**
 * The API's only way to ask for background work. The job is written to `platform_jobs` in the caller's
 * transaction, so it exists exactly when the change that needs it was committed, and it survives a crash
 * between commit and hand-off; the dispatcher hands it to BullMQ or runs it inline after commit.
 */
@Injectable()
export class JobQueue {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async enqueue<Payload extends object>(request: JobRequest<Payload>): Promise<void> {
    await this.enqueueMany([request]);
  }

  /**
   * Many jobs in one statement. The rows are the ones `enqueue` would write, in the order given, so both
   * dispatchers pick them up alike; a key already in the outbox, or earlier in `requests`, is skipped.
   */
  async enqueueMany(requests: readonly JobRequest[]): Promise<void> {
    if (requests.length === 0) {
      return;
    }
    await this.transactions.manager().query(
      `INSERT INTO platform_jobs (queue, name, job_key, payload, run_at, max_attempts)
       SELECT queue, name, job_key, payload::jsonb, COALESCE(run_at, now()), max_attempts
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::int[])
              WITH ORDINALITY AS job(queue, name, job_key, payload, run_at, max_attempts, position)
        ORDER BY position
       ON CONFLICT (job_key) DO NOTHING`,
      [
        requests.map((r) => r.queue),
        requests.map((r) => r.name),
        requests.map((r) => r.key),
        requests.map((r) => JSON.stringify(r.payload)),
        requests.map((r) => r.runAt ?? null),
        requests.map((r) => r.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
      ],
    );
    this.transactions.afterCommit(() => this.dispatcher.kick());
  }
}
