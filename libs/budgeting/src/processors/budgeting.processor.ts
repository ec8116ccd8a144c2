import { OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { RecurringJobs } from '@chartuloba/platform';
import { ADVANCE_DUE_JOB, ADVANCE_EVERY_MS, BUDGETING_QUEUE, BudgetingJobName } from '../budgeting.jobs';
import { CyclesService } from '../services/cycles.service';

/** Budgeting jobs: the sweep that moves cycles on at their phase dates. */
@Processor(BUDGETING_QUEUE)
export class BudgetingProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly cycles: CyclesService,
    private readonly recurring: RecurringJobs,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.recurring.register({
      queue: BUDGETING_QUEUE,
      name: ADVANCE_DUE_JOB,
      everyMs: ADVANCE_EVERY_MS,
    });
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as BudgetingJobName;
    switch (name) {
      case ADVANCE_DUE_JOB:
        return this.cycles.advanceDue();
      default: {
        const unknown: never = name;
        throw new Error(`budgeting processor has no job ${String(unknown)}`);
      }
    }
  }
}
