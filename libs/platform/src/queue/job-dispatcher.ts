import type { RecurringJob } from './job.types';

/** Moves committed jobs out of the outbox: into BullMQ (with REDIS_URL) or straight into the processors. */
export abstract class JobDispatcher {
  /** Something was enqueued: look at the outbox soon. */
  abstract kick(): void;
  /** Runs or hands off everything that is due now; resolves when done (tests and the CLI wait on it). */
  abstract drain(): Promise<number>;
  abstract scheduleRecurring(job: RecurringJob): Promise<void>;
}
