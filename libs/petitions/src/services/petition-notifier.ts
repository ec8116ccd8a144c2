import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JobQueue, MailService, pickText } from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { NOTIFY_JOB, NotifyPayload, PETITIONS_QUEUE, PetitionNotice } from '../petitions.jobs';
import { PetitionsRepository } from '../repositories/petitions.repository';
import { SignaturesRepository } from '../repositories/signatures.repository';

/** Which notices go to signatories too (the milestones); the rest concern only the initiative group. */
const TO_SIGNATORIES: readonly PetitionNotice[] = [
  'half',
  'threshold',
  'registered',
  'under-consideration',
  'answered',
  'closed',
  'not-reached',
];

/**
 * Tells the initiative group and the signatories (unless they opted out) what happened. The action only
 * enqueues a job in its transaction; the job writes one mail per person with an idempotency key, so a
 * retried job or a repeated milestone never sends a second copy.
 */
@Injectable()
export class PetitionNotifier {
  constructor(
    private readonly jobs: JobQueue,
    private readonly mail: MailService,
    private readonly identity: IdentityFacade,
    private readonly petitions: PetitionsRepository,
    private readonly signatures: SignaturesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enqueue(petitionId: string, notice: PetitionNotice, occurrence = ''): Promise<void> {
    await this.jobs.enqueue<NotifyPayload>({
      queue: PETITIONS_QUEUE,
      name: NOTIFY_JOB,
      payload: { petitionId, notice, occurrence },
      key: `petitions:notify:${petitionId}:${notice}${occurrence ? `:${occurrence}` : ''}`,
    });
  }

  /** Run by the processor. */
  async deliver(payload: NotifyPayload): Promise<number> {
    const petition = await this.petitions.find(payload.petitionId);
    if (!petition) {
      return 0;
    }
    const initiators = (await this.petitions.initiators(petition.id)).map((i) => i.userId);
    const signatories = TO_SIGNATORIES.includes(payload.notice)
      ? await this.signatures.notifiableSignatories(petition.id)
      : [];
    const people = [...new Set([...initiators, ...signatories])];
    let sent = 0;
    for (const userId of people) {
      const contact = await this.identity.contactOf(userId);
      if (!contact?.email) {
        continue;
      }
      await this.mail.send({
        to: contact.email,
        locale: contact.locale,
        subjectKey: `petitions.mail.${payload.notice}.subject`,
        bodyKeys: [`petitions.mail.${payload.notice}.body`, 'petitions.mail.opt-out'],
        params: {
          title: pickText(petition.title, contact.locale),
          number: petition.registrationNumber ?? '',
          threshold: petition.threshold ?? 0,
          reason: petition.moderationNote ?? '',
        },
        link: `${this.config.publicUrl}/petitions/${petition.id}`,
        key: `petitions:${payload.notice}:${petition.id}:${userId}${payload.occurrence ? `:${payload.occurrence}` : ''}`,
      });
      sent += 1;
    }
    return sent;
  }
}
