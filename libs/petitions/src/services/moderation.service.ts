import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  AuditLog,
  COUNCIL_MOTIONS,
  CouncilMotions,
  DomainEvents,
  MOTION_DECIDED,
  MotionDecidedEvent,
  MunicipalityService,
  OnDomainEvent,
  TransactionRunner,
} from '@chartuloba/platform';
import type { AnswerOutcome } from '../domain/lifecycle';
import { signatureThreshold } from '../domain/threshold';
import { addCalendarDays, addWorkingDays } from '../domain/working-days';
import type { CreateAssemblyPetitionDto } from '../dto/petitions.dto';
import { PETITION_ANSWERED, PetitionAnsweredEvent } from '../events/petition.events';
import { fieldError, forbidden, notFound, PetitionError } from '../petitions.errors';
import { isModerator, isPetitionStaff } from '../petitions.policy';
import type { Petition } from '../repositories/petition.row';
import { PetitionsRepository } from '../repositories/petitions.repository';
import { checkPetitionText, cleanText, closingInstant } from './petition-input';
import { PetitionTransitions } from './petition-transitions';
import { PetitionsService } from './petitions.service';

/** What the Sakrebulo's staff and moderators do with a petition, step by step. */
@Injectable()
export class ModerationService {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly service: PetitionsService,
    private readonly transitions: PetitionTransitions,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly municipalities: MunicipalityService,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(COUNCIL_MOTIONS) private readonly council?: CouncilMotions,
  ) {}

  get councilAvailable(): boolean {
    return !!this.council;
  }

  private async load(id: string, lock = true): Promise<Petition> {
    const petition = await this.petitions.find(id, lock);
    if (!petition) {
      throw notFound();
    }
    return petition;
  }

  /** Lawful and within the municipality's competence: opens for signatures with its threshold fixed now. */
  async open(actor: Actor, id: string): Promise<Petition> {
    if (!isModerator(actor)) {
      throw forbidden();
    }
    return this.transactions.run(async () => {
      const petition = await this.load(id);
      const voters = await this.municipalities.latestVoterCount();
      if (!voters) {
        throw new PetitionError(
          'petitions.no-voter-count',
          'conflict',
          'Record the registered-voter count first: the threshold is 1% of it',
        );
      }
      const settings = await this.service.settings();
      const closesOn = new Date((petition.closesAt?.getTime() ?? 0) + 4 * 3600_000)
        .toISOString()
        .slice(0, 10);
      closingInstant(closesOn, new Date(), settings.maxOpenDays);
      const threshold = signatureThreshold(voters.registeredVoters);
      return this.transitions.apply(
        petition,
        'open',
        {
          openedAt: new Date(),
          threshold,
          thresholdBasis: {
            registeredVoters: voters.registeredVoters,
            asOf: voters.asOf,
            source: voters.source,
          },
          moderationNote: null,
        },
        {
          actor,
          summary: `Opened for signatures; threshold ${threshold} (1% of ${voters.registeredVoters} voters as of ${voters.asOf})`,
          notice: 'opened',
          data: { threshold },
        },
      );
    });
  }

  async returnToAuthor(actor: Actor, id: string, reason: string): Promise<Petition> {
    if (!isModerator(actor)) {
      throw forbidden();
    }
    const trimmed = reason.trim();
    if (trimmed.length < 3) {
      throw fieldError('petitions.reason-required', 'invalid', 'reason', 'Give the author the reasons');
    }
    return this.transactions.run(async () => {
      const petition = await this.load(id);
      return this.transitions.apply(
        petition,
        'return',
        { moderationNote: trimmed },
        {
          actor,
          summary: `Returned to the author: ${trimmed}`,
          notice: 'returned',
        },
      );
    });
  }

  /** Registration with the Sakrebulo: the number and certificate; the consideration clock starts. */
  async register(actor: Actor, id: string): Promise<Petition> {
    if (!isPetitionStaff(actor)) {
      throw forbidden();
    }
    return this.transactions.run(async () => {
      const petition = await this.load(id);
      const settings = await this.service.settings();
      const now = new Date();
      const number =
        petition.status === 'threshold-reached'
          ? await this.petitions.nextRegistrationNumber(now.getUTCFullYear())
          : undefined;
      return this.transitions.apply(
        petition,
        'register',
        {
          registeredAt: now,
          registrationNumber: number,
          considerationDueAt: addCalendarDays(now, settings.considerationDays),
        },
        { actor, summary: `Registered as ${number ?? '?'}`, notice: 'registered', data: { number } },
      );
    });
  }

  /** Puts it before the Sakrebulo; through the councils lib when it is installed. */
  async consider(actor: Actor, id: string, toCouncil: boolean): Promise<Petition> {
    if (!isPetitionStaff(actor)) {
      throw forbidden();
    }
    if (toCouncil && !this.council) {
      throw new PetitionError('petitions.no-council', 'conflict', 'The council module is not installed');
    }
    return this.transactions.run(async () => {
      const petition = await this.load(id);
      const motion =
        toCouncil && this.council
          ? await this.council.propose({
              originLib: 'petitions',
              originId: petition.id,
              title: petition.title,
              summary: petition.body,
              link: `${this.config.publicUrl}/petitions/${petition.id}`,
            })
          : null;
      return this.transitions.apply(
        petition,
        'consider',
        { considerationStartedAt: new Date(), motionId: motion?.motionId ?? null },
        {
          actor,
          summary: motion ? `Put to the Sakrebulo as motion ${motion.motionId}` : 'Under consideration',
          notice: 'under-consideration',
          data: { motionId: motion?.motionId ?? null },
        },
      );
    });
  }

  async answer(actor: Actor | null, id: string, outcome: AnswerOutcome, text: unknown): Promise<Petition> {
    if (actor && !isPetitionStaff(actor)) {
      throw forbidden();
    }
    const answerText = cleanText(text);
    if (Object.keys(answerText).length === 0) {
      throw fieldError(
        'petitions.reason-required',
        'invalid',
        'text',
        "Write the Sakrebulo's decision and reasons",
      );
    }
    return this.transactions.run(async () => {
      const petition = await this.load(id);
      const answered = await this.transitions.apply(
        petition,
        'answer',
        { answeredAt: new Date(), answerOutcome: outcome, answerText },
        { actor, summary: `Answered: ${outcome}`, notice: 'answered', data: { outcome } },
      );
      await this.events.publish({
        type: PETITION_ANSWERED,
        petitionId: id,
        outcome,
      } satisfies PetitionAnsweredEvent);
      return answered;
    });
  }

  async close(actor: Actor, id: string): Promise<Petition> {
    if (!isPetitionStaff(actor)) {
      throw forbidden();
    }
    return this.transactions.run(async () => {
      const petition = await this.load(id);
      return this.transitions.apply(
        petition,
        'close',
        { closedAt: new Date() },
        {
          actor,
          summary: 'Closed',
          notice: 'closed',
        },
      );
    });
  }

  /** A settlement's general assembly petition: recorded by staff with the minutes, no signature threshold. */
  async recordAssemblyPetition(actor: Actor, input: CreateAssemblyPetitionDto): Promise<Petition> {
    if (!isPetitionStaff(actor)) {
      throw forbidden();
    }
    const title = cleanText(input.title);
    const body = cleanText(input.body);
    checkPetitionText(title, body, input.kind);
    const settlement = (await this.municipalities.settlements()).find((s) => s.id === input.settlementId);
    if (!settlement) {
      throw fieldError(
        'petitions.invalid-input',
        'invalid',
        'settlementId',
        'Choose a settlement of the municipality',
      );
    }
    const settings = await this.service.settings();
    const now = new Date();
    return this.transactions.run(async () => {
      const petition = await this.petitions.insert({
        kind: input.kind,
        origin: 'general-assembly',
        status: 'threshold-reached',
        title,
        body,
        authorName: input.authorName.trim(),
        settlementId: settlement.id,
        assemblyMinutes: input.minutes.trim(),
        submittedAt: now,
        openedAt: now,
        thresholdReachedAt: now,
        registrationDueAt: addWorkingDays(now, settings.registrationWorkingDays, settings.holidays),
      });
      await this.audit.record({
        actor,
        action: 'petitions.assembly-recorded',
        subject: { type: 'petition', id: petition.id },
        summary: `General assembly petition recorded for settlement ${settlement.slug}`,
      });
      return petition;
    });
  }

  /** The council decided a motion this lib filed: the decision becomes the petition's answer. */
  @OnDomainEvent(MOTION_DECIDED)
  async onMotionDecided(event: MotionDecidedEvent): Promise<void> {
    if (event.originLib !== 'petitions') {
      return;
    }
    const petition = await this.petitions.find(event.originId, true);
    if (!petition || !['registered', 'under-consideration'].includes(petition.status)) {
      return;
    }
    const { yes, no, abstain, absent } = event.votes;
    const outcome: AnswerOutcome = event.outcome === 'adopted' ? 'accepted' : 'rejected';
    const summary = (lang: string) =>
      ({
        ka: `საკრებულომ ${event.outcome === 'adopted' ? 'მიიღო' : 'არ მიიღო'} გადაწყვეტილება (მომხრე ${yes}, წინააღმდეგი ${no}, თავი შეიკავა ${abstain}, არ ესწრებოდა ${absent}).`,
        az: `Sakrebulo qərarı ${event.outcome === 'adopted' ? 'qəbul etdi' : 'qəbul etmədi'} (lehinə ${yes}, əleyhinə ${no}, bitərəf ${abstain}, iştirak etməyən ${absent}).`,
        hy: `Սակրեբուլոն ${event.outcome === 'adopted' ? 'ընդունեց' : 'չընդունեց'} որոշումը (կողմ ${yes}, դեմ ${no}, ձեռնպահ ${abstain}, բացակա ${absent}).`,
        en: `The Sakrebulo ${event.outcome === 'adopted' ? 'adopted' : 'rejected'} the motion (yes ${yes}, no ${no}, abstain ${abstain}, absent ${absent}).`,
      })[lang];
    await this.answer(null, petition.id, outcome, {
      ka: summary('ka'),
      az: summary('az'),
      hy: summary('hy'),
      en: summary('en'),
    });
  }

  /** The recurring job: petitions past their closing date below the threshold are archived as not reached. */
  async closeDue(now = new Date()): Promise<number> {
    let closed = 0;
    for (const id of await this.petitions.dueToClose(now)) {
      await this.transactions.run(async () => {
        const petition = await this.load(id);
        if (petition.status !== 'open') {
          return;
        }
        await this.transitions.apply(
          petition,
          'expire',
          { closedAt: now },
          {
            actor: null,
            summary: 'Signing period ended below the threshold: archived as not reached',
            notice: 'not-reached',
          },
        );
        closed += 1;
      });
    }
    return closed;
  }
}
