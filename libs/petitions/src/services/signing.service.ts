import { Injectable, Logger } from '@nestjs/common';
import {
  Actor,
  AuditLog,
  Batcher,
  DomainEvents,
  RequestContext,
  TransactionRunner,
} from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { acceptsSignatures, PUBLIC_STATUSES } from '../domain/lifecycle';
import { halfThreshold, milestoneDue } from '../domain/threshold';
import { addWorkingDays } from '../domain/working-days';
import { initialsOf } from '../domain/initials';
import { PETITION_THRESHOLD_REACHED, PetitionThresholdReachedEvent } from '../events/petition.events';
import { notFound, PetitionError } from '../petitions.errors';
import { PetitionsRepository } from '../repositories/petitions.repository';
import {
  OnlineSigner,
  SignatureCount,
  SignedOnline,
  SignaturesRepository,
} from '../repositories/signatures.repository';
import { AbuseGuard } from './abuse-guard';
import { PetitionNotifier } from './petition-notifier';
import { PetitionsService } from './petitions.service';
import { PetitionTransitions } from './petition-transitions';

/** How long a count read may be served from memory: the DB stays exact; a page may lag it by this much. */
const COUNT_CACHE_MS = 250;

/**
 * Concurrent sign requests share transactions. Two batches at a time measured best here (bench:sign on 2
 * cores: more batches means smaller ones and more commits; one leaves the pool idle during a commit). A
 * batch is capped so one statement's arrays stay small.
 */
const SIGNING_BATCHES = { concurrency: 2, maxBatch: 256 };

type SignOutcome = { row: SignedOnline | null } | { error: unknown };

interface SignRequest {
  petitionId: string;
  signer: OnlineSigner;
}

/** Signing, withdrawing, the count, and the milestones the count passes. */
@Injectable()
export class SigningService {
  private readonly logger = new Logger(SigningService.name);
  private readonly counts = new Map<string, { at: number; value: Promise<SignatureCount> }>();
  private readonly signings = new Batcher<SignRequest, SignOutcome>(
    (requests) => this.signEach(requests),
    SIGNING_BATCHES,
  );
  // One check at a time, outside the signing batches so they need not wait for it; signers who commit
  // while a check runs share the next one, which starts after their commit and so sees it.
  private readonly milestoneChecks = new Batcher<string, void>(
    async (petitionIds) => {
      for (const petitionId of new Set(petitionIds)) {
        await this.checkMilestones(petitionId).catch((error: unknown) =>
          this.logger.warn(`milestone check failed: ${(error as Error).message}`),
        );
      }
      return petitionIds.map(() => undefined);
    },
    { concurrency: 1, maxBatch: 1024 },
  );

  constructor(
    private readonly signatures: SignaturesRepository,
    private readonly petitions: PetitionsRepository,
    private readonly petitionsService: PetitionsService,
    private readonly identity: IdentityFacade,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly abuse: AbuseGuard,
    private readonly transitions: PetitionTransitions,
    private readonly notifier: PetitionNotifier,
    private readonly events: DomainEvents,
  ) {}

  async sign(actor: Actor, petitionId: string, ip: string, notify = true): Promise<{ signatureId: string }> {
    this.abuse.admit(actor.id, ip);
    const residentKey = await this.identity.residentKeyFor(actor);
    if (!residentKey) {
      throw new PetitionError(
        'petitions.not-resident',
        'forbidden',
        'Only residents whose residency the municipality verified can sign',
      );
    }
    const outcome = await this.signings.submit({
      petitionId,
      signer: {
        residentKey,
        userId: actor.id,
        initials: initialsOf(actor.label),
        notify,
        flagReason: this.abuse.flagFor(petitionId, actor.id, ip),
        actorLabel: actor.label,
        requestId: RequestContext.current()?.requestId ?? null,
      },
    });
    if ('error' in outcome) {
      throw outcome.error;
    }
    const signed = outcome.row;
    if (!signed) {
      throw await this.whyNotSigned(petitionId, residentKey);
    }
    if (signed.status === 'open' && signed.threshold !== null) {
      // Answered after the check, so a signer who crossed a milestone finds it recorded.
      await this.milestoneChecks.submit(petitionId);
    }
    return { signatureId: signed.signatureId };
  }

  /**
   * Signs a batch of concurrent requests with one statement per petition, which also audits them: a burst
   * of signers costs one round trip and one commit instead of several each. A resident asking twice in one
   * batch is signed once; the other request is answered as already signed. When a petition's statement
   * fails, its requests are tried one at a time, so an error reaches only its caller; the other petitions'
   * signatures stand, each statement being atomic on its own.
   */
  private async signEach(requests: SignRequest[]): Promise<SignOutcome[]> {
    // Per petition, each resident's first request: the one that is signed.
    const byPetition = new Map<string, Map<string, number>>();
    requests.forEach((request, i) => {
      const residents = byPetition.get(request.petitionId) ?? new Map<string, number>();
      byPetition.set(request.petitionId, residents);
      if (!residents.has(request.signer.residentKey)) {
        residents.set(request.signer.residentKey, i);
      }
    });
    const outcomes: SignOutcome[] = requests.map(() => ({ row: null }));
    for (const [petitionId, residents] of byPetition) {
      try {
        const signers = [...residents.values()].map((i) => (requests[i] as SignRequest).signer);
        for (const row of await this.signatures.signOnline(petitionId, signers)) {
          outcomes[residents.get(row.residentKey) as number] = { row };
        }
      } catch (error) {
        const own = requests.flatMap((request, i) => (request.petitionId === petitionId ? [i] : []));
        for (const i of own) {
          outcomes[i] =
            own.length === 1
              ? { error }
              : ((await this.signEach([requests[i] as SignRequest]))[0] as SignOutcome);
        }
      }
      this.counts.delete(petitionId);
    }
    return outcomes;
  }

  async withdraw(actor: Actor, petitionId: string, ip: string): Promise<void> {
    this.abuse.admit(actor.id, ip);
    const residentKey = await this.identity.residentKeyFor(actor);
    if (!residentKey) {
      throw new PetitionError('petitions.not-signed', 'conflict', 'You have not signed this petition');
    }
    await this.transactions.run(async () => {
      const id = await this.signatures.withdrawOnline(petitionId, residentKey);
      if (!id) {
        const petition = await this.petitions.find(petitionId);
        if (!petition) {
          throw notFound();
        }
        if (!acceptsSignatures(petition.status, petition.closesAt, new Date())) {
          throw this.closedError();
        }
        throw new PetitionError('petitions.not-signed', 'conflict', 'You have not signed this petition');
      }
      await this.audit.record({
        actor,
        action: 'petitions.signature-withdrawn',
        subject: { type: 'petition', id: petitionId },
        summary: 'Signature withdrawn',
        data: { signatureId: id },
      });
    });
    this.counts.delete(petitionId);
  }

  /** Whether this actor's person has an active signature on the petition. */
  async signatureOf(
    actor: Actor | undefined,
    petitionId: string,
  ): Promise<{ status: string; notify: boolean } | null> {
    if (!actor) {
      return null;
    }
    const key = await this.identity.residentKeyFor(actor);
    const row = key ? await this.signatures.findByResident(petitionId, key) : null;
    return row ? { status: row.status, notify: row.userId === actor.id } : null;
  }

  async setNotify(actor: Actor, petitionId: string, notify: boolean): Promise<void> {
    await this.transactions.run(async () => {
      if (await this.signatures.setNotify(petitionId, actor.id, notify)) {
        await this.audit.record({
          actor,
          action: notify ? 'petitions.notifications-on' : 'petitions.notifications-off',
          subject: { type: 'petition', id: petitionId },
          summary: notify ? 'Signatory asked for e-mails' : 'Signatory opted out of e-mails',
        });
      }
    });
  }

  /** The count, from the shard rows (exact), served from memory for at most COUNT_CACHE_MS. */
  count(petitionId: string): Promise<SignatureCount> {
    const now = Date.now();
    const cached = this.counts.get(petitionId);
    if (cached && now - cached.at < COUNT_CACHE_MS) {
      return cached.value;
    }
    const value = this.signatures.count(petitionId);
    this.counts.set(petitionId, { at: now, value });
    value.catch(() => this.counts.delete(petitionId));
    if (this.counts.size > 10_000) {
      this.counts.clear();
    }
    return value;
  }

  /** Drops the cached count after a change made in this process (paper entry, invalidation). */
  forget(petitionId: string): void {
    this.counts.delete(petitionId);
  }

  /** The exact count, straight from the database (staff views, tests, the benchmark's check). */
  exactCount(petitionId: string): Promise<SignatureCount> {
    return this.signatures.count(petitionId);
  }

  /**
   * Half-way and threshold milestones. Each is a conditional update, so concurrent signers (or the sweep
   * job) record it once; the notice's idempotency key makes the e-mail once-only too.
   */
  async checkMilestones(petitionId: string): Promise<void> {
    // Nearly every check finds nothing to record; it looks without a transaction or lock first.
    const [seen, seenCount] = await Promise.all([
      this.petitions.find(petitionId),
      this.signatures.count(petitionId),
    ]);
    if (!seen || !milestoneDue(seen.status, seen.threshold, seen.halfReachedAt, seenCount.counted)) {
      return;
    }
    await this.transactions.run(async () => {
      // The row lock serialises concurrent checkers: one of them moves the petition, the rest see it moved.
      const petition = await this.petitions.find(petitionId, true);
      if (!petition || petition.status !== 'open' || petition.threshold === null) {
        return;
      }
      const { counted } = await this.signatures.count(petitionId);
      if (!petition.halfReachedAt && counted >= halfThreshold(petition.threshold)) {
        const updated = await this.petitions.transition(petitionId, ['open'], { halfReachedAt: new Date() });
        if (updated) {
          await this.audit.record({
            actor: null,
            action: 'petitions.half-reached',
            subject: { type: 'petition', id: petitionId },
            summary: `Half the threshold reached (${counted} of ${petition.threshold})`,
          });
          await this.notifier.enqueue(petitionId, 'half');
        }
      }
      if (counted >= petition.threshold) {
        const settings = await this.petitionsService.settings();
        const now = new Date();
        await this.transitions.apply(
          petition,
          'reach-threshold',
          {
            thresholdReachedAt: now,
            halfReachedAt: petition.halfReachedAt ?? now,
            registrationDueAt: addWorkingDays(now, settings.registrationWorkingDays, settings.holidays),
          },
          {
            actor: null,
            summary: `Threshold reached: ${counted} of ${petition.threshold}`,
            notice: 'threshold',
          },
        );
        await this.events.publish({
          type: PETITION_THRESHOLD_REACHED,
          petitionId,
          signatures: counted,
          threshold: petition.threshold,
        } satisfies PetitionThresholdReachedEvent);
      }
    });
  }

  private closedError(): PetitionError {
    return new PetitionError(
      'petitions.closed',
      'conflict',
      'This petition is not open for signatures: its signing period has ended or it has not opened yet',
    );
  }

  private async whyNotSigned(petitionId: string, residentKey: string): Promise<PetitionError> {
    const petition = await this.petitions.find(petitionId);
    if (!petition || !PUBLIC_STATUSES.includes(petition.status)) {
      return notFound();
    }
    if (!acceptsSignatures(petition.status, petition.closesAt, new Date())) {
      return this.closedError();
    }
    const existing = await this.signatures.findByResident(petitionId, residentKey);
    if (existing?.status === 'invalid') {
      return new PetitionError(
        'petitions.already-signed',
        'conflict',
        'Your signature on this petition was invalidated by staff',
      );
    }
    return new PetitionError('petitions.already-signed', 'conflict', 'You have already signed this petition');
  }
}
