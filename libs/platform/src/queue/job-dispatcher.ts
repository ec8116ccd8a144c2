import { Logger } from '@nestjs/common';
import type { RecurringJob } from './job.types';

/**
 * Moves committed jobs out of the outbox: into BullMQ (with REDIS_URL) or straight into the processors.
 * The base keeps one pass running at a time; a kick during a pass asks for one more pass after it.
 */
export abstract class JobDispatcher {
  protected abstract readonly logger: Logger;
  protected stopped = false;
  private draining?: Promise<number>;
  private again = false;

  /** One pass over the outbox; returns how many jobs it ran or handed off. */
  protected abstract pass(): Promise<number>;
  abstract scheduleRecurring(job: RecurringJob): Promise<void>;

  /** Something was enqueued: look at the outbox soon. */
  kick(): void {
    if (this.stopped) {
      return;
    }
    this.drain().catch((error: unknown) =>
      this.logger.warn(`job dispatch deferred: ${(error as Error).message}`),
    );
  }

  /** Runs or hands off everything that is due now; resolves when done (tests and the CLI wait on it). */
  drain(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.pass().finally(() => {
      this.draining = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
    return this.draining;
  }

  /** Stops kicks and waits for the pass under way, before the database pool closes. */
  protected async stop(): Promise<void> {
    this.stopped = true;
    await this.draining?.catch(() => undefined);
  }
}
