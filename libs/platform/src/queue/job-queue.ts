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
    await this.transactions.manager().query(
      `INSERT INTO platform_jobs (queue, name, job_key, payload, run_at, max_attempts)
       VALUES ($1, $2, $3, $4, COALESCE($5, now()), $6)
       ON CONFLICT (job_key) DO NOTHING`,
      [
        request.queue,
        request.name,
        request.key,
        JSON.stringify(request.payload),
        request.runAt ?? null,
        request.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      ],
    );
    this.transactions.afterCommit(() => this.dispatcher.kick());
  }
}
