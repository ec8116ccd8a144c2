import { OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { RecurringJobs } from '@chartuloba/platform';
import {
  NOTIFY_JOB,
  NotifyPayload,
  PETITIONS_QUEUE,
  PetitionJobName,
  SWEEP_EVERY_MS,
  SWEEP_JOB,
} from '../petitions.jobs';
import { PetitionsRepository } from '../repositories/petitions.repository';
import { ModerationService } from '../services/moderation.service';
import { PetitionNotifier } from '../services/petition-notifier';
import { SigningService } from '../services/signing.service';

/** Petition jobs: e-mails about a step, and the sweep that closes petitions at their deadline. */
@Processor(PETITIONS_QUEUE)
export class PetitionsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly notifier: PetitionNotifier,
    private readonly moderation: ModerationService,
    private readonly signing: SigningService,
    private readonly petitions: PetitionsRepository,
    private readonly recurring: RecurringJobs,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.recurring.register({ queue: PETITIONS_QUEUE, name: SWEEP_JOB, everyMs: SWEEP_EVERY_MS });
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as PetitionJobName;
    switch (name) {
      case NOTIFY_JOB:
        return this.notifier.deliver(job.data as NotifyPayload);
      case SWEEP_JOB:
        return this.sweep();
      default: {
        const unknown: never = name;
        throw new Error(`petitions processor has no job ${String(unknown)}`);
      }
    }
  }

  /** Milestones first (a last-second signature may have crossed the threshold), then the closing. */
  async sweep(now = new Date()): Promise<number> {
    for (const id of await this.petitions.dueToClose(now)) {
      await this.signing.checkMilestones(id);
    }
    return this.moderation.closeDue(now);
  }
}
