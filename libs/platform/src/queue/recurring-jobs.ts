import { Injectable } from '@nestjs/common';
import { JobDispatcher } from './job-dispatcher';
import type { RecurringJob } from './job.types';

/**
 * Work that repeats (closing petitions at their deadline, overdue sweeps). A lib registers its jobs at
 * bootstrap; BullMQ keeps one job scheduler per name across replicas, the inline driver polls.
 */
@Injectable()
export class RecurringJobs {
  constructor(private readonly dispatcher: JobDispatcher) {}

  register(job: RecurringJob): Promise<void> {
    return this.dispatcher.scheduleRecurring(job);
  }
}
