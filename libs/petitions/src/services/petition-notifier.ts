import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  chunksOf,
  JobQueue,
  MailRequest,
  MailService,
  pickText,
} from '@chartuloba/platform';
import { AccountContact, IdentityFacade } from '@chartuloba/identity';
import { NOTIFY_JOB, NotifyPayload, PETITIONS_QUEUE, PetitionNotice } from '../petitions.jobs';
import type { Petition } from '../repositories/petition.row';
import { PetitionsRepository } from '../repositories/petitions.repository';
import { SignaturesRepository } from '../repositories/signatures.repository';

const PEOPLE_PER_CHUNK = 500;

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
    // A transaction per chunk: a job retried after a crash keeps what was stored, and asking again is a no-op.
    for (const chunk of chunksOf(people, PEOPLE_PER_CHUNK)) {
      const contacts = await this.identity.contactsOf(chunk);
      const mails = chunk.flatMap((userId) => {
        const contact = contacts.get(userId);
        return contact?.email ? [this.mailFor(petition, payload, contact, contact.email)] : [];
      });
      await this.mail.sendMany(mails);
      sent += mails.length;
    }
    return sent;
  }

  private mailFor(
    petition: Petition,
    payload: NotifyPayload,
    { id: userId, locale }: AccountContact,
    email: string,
  ): MailRequest {
    return {
      to: email,
      locale,
      subjectKey: `petitions.mail.${payload.notice}.subject`,
      bodyKeys: [`petitions.mail.${payload.notice}.body`, 'petitions.mail.opt-out'],
      params: {
        title: pickText(petition.title, locale),
        number: petition.registrationNumber ?? '',
        threshold: petition.threshold ?? 0,
        reason: petition.moderationNote ?? '',
      },
      link: `${this.config.publicUrl}/petitions/${petition.id}`,
      key: `petitions:${payload.notice}:${petition.id}:${userId}${payload.occurrence ? `:${payload.occurrence}` : ''}`,
    };
  }
}
