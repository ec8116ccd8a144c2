import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AuditChainer } from '../audit/audit-chainer';
import {
  MailService,
  messageKeysOf,
  PLATFORM_QUEUE,
  SEND_MAIL_JOB,
  SendMailPayload,
} from '../mail/mail.service';

export const CHAIN_AUDIT_JOB = 'platform.chain-audit';
type PlatformJobName = typeof SEND_MAIL_JOB | typeof CHAIN_AUDIT_JOB;

/** The platform's own jobs: sending stored mail, a chunk at a time, and extending the audit chain. */
@Processor(PLATFORM_QUEUE)
export class PlatformProcessor extends WorkerHost {
  constructor(
    private readonly mail: MailService,
    private readonly chainer: AuditChainer,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as PlatformJobName;
    switch (name) {
      case SEND_MAIL_JOB:
        return this.mail.deliverMany(messageKeysOf(job.data as SendMailPayload));
      case CHAIN_AUDIT_JOB:
        return this.chainer.chainPending();
      default: {
        const unknown: never = name;
        throw new Error(`platform processor has no job ${String(unknown)}`);
      }
    }
  }
}
