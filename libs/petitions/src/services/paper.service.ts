import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, AuditLog, TransactionRunner } from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { initialsOf } from '../domain/initials';
import { drawSample } from '../domain/sample';
import type { AddPaperSignatureDto } from '../dto/petitions.dto';
import { fieldError, forbidden, notFound, PetitionError } from '../petitions.errors';
import { isPetitionStaff } from '../petitions.policy';
import { PetitionsRepository } from '../repositories/petitions.repository';
import { SignatureRow, SignaturesRepository } from '../repositories/signatures.repository';
import { PersonalNumberVault } from './personal-number-vault';
import { SigningService } from './signing.service';

export interface SampledSignature {
  id: string;
  name: string;
  personalNumber: string;
  address: string;
  signedOn: string;
  verification: 'valid' | 'invalid' | null;
  invalidReason: string | null;
}

/** Paper lists: entry, the 20% verification sample, marking, and invalidating signatures. */
@Injectable()
export class PaperService {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly signatures: SignaturesRepository,
    private readonly identity: IdentityFacade,
    private readonly vault: PersonalNumberVault,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly signing: SigningService,
  ) {}

  private staffOnly(actor: Actor): void {
    if (!isPetitionStaff(actor)) {
      throw forbidden();
    }
  }

  async createList(actor: Actor, petitionId: string, label: string): Promise<string> {
    this.staffOnly(actor);
    return this.transactions.run(async () => {
      const petition = await this.petitions.find(petitionId);
      if (!petition) {
        throw notFound();
      }
      const id = await this.signatures.createPaperList(petitionId, label.trim(), actor.id);
      if (!id) {
        throw fieldError(
          'petitions.invalid-input',
          'conflict',
          'label',
          'A list with this label already exists',
        );
      }
      await this.audit.record({
        actor,
        action: 'petitions.paper-list-created',
        subject: { type: 'petition', id: petitionId },
        summary: `Paper list "${label.trim()}" created`,
        data: { listId: id },
      });
      return id;
    });
  }

  async lists(actor: Actor, petitionId: string) {
    this.staffOnly(actor);
    return this.signatures.paperLists(petitionId);
  }

  /** One signature from a paper sheet; refused (never counted twice) when the person already signed. */
  async addSignature(actor: Actor, listId: string, input: AddPaperSignatureDto): Promise<string> {
    this.staffOnly(actor);
    const number = input.personalNumber.trim();
    const residentKey = this.identity.personalNumberHash(number);
    const userId = await this.identity.userIdOfPersonalNumber(number);
    const signatureId = await this.transactions.run(async () => {
      const list = await this.signatures.paperList(listId);
      if (!list) {
        throw new PetitionError('petitions.list-not-found', 'not-found', 'Paper list not found');
      }
      if (list.sampleSeed) {
        throw new PetitionError(
          'petitions.already-sampled',
          'conflict',
          'This list was already sampled; start a new list',
        );
      }
      const petition = await this.petitions.find(list.petitionId);
      if (!petition || !['open', 'threshold-reached'].includes(petition.status)) {
        throw new PetitionError('petitions.closed', 'conflict', 'This petition is not collecting signatures');
      }
      const id = await this.signatures.insertPaper({
        petitionId: list.petitionId,
        listId,
        residentKey,
        userId,
        initials: initialsOf(input.name),
        signerName: input.name.trim(),
        personalNumberEnc: this.vault.encrypt(number),
        address: input.address.trim(),
        signedOn: input.signedOn,
      });
      if (!id) {
        throw fieldError(
          'petitions.paper-duplicate',
          'conflict',
          'personalNumber',
          'This person has already signed this petition (online or on paper)',
        );
      }
      await this.audit.record({
        actor,
        action: 'petitions.paper-signature-entered',
        subject: { type: 'petition', id: list.petitionId },
        summary: `Paper signature entered on list "${list.label}"`,
        data: { signatureId: id, listId },
      });
      return { id, petitionId: list.petitionId };
    });
    this.signing.forget(signatureId.petitionId);
    await this.signing.checkMilestones(signatureId.petitionId);
    return signatureId.id;
  }

  /**
   * Draws the 20% sample once per list, with a fresh random seed that is recorded; `redraw(ids, seed)`
   * gives the same sample to anyone checking it.
   */
  async drawSample(
    actor: Actor,
    listId: string,
    seed = randomBytes(16).toString('hex'),
  ): Promise<{ seed: string; ids: string[] }> {
    this.staffOnly(actor);
    return this.transactions.run(async () => {
      const list = await this.signatures.paperList(listId);
      if (!list) {
        throw new PetitionError('petitions.list-not-found', 'not-found', 'Paper list not found');
      }
      if (list.sampleSeed) {
        throw new PetitionError(
          'petitions.already-sampled',
          'conflict',
          'The sample of this list was already drawn',
        );
      }
      const ids = drawSample(await this.signatures.listSignatureIds(listId), seed);
      if (!(await this.signatures.recordSample(listId, seed, ids))) {
        throw new PetitionError(
          'petitions.already-sampled',
          'conflict',
          'The sample of this list was already drawn',
        );
      }
      await this.audit.record({
        actor,
        action: 'petitions.sample-drawn',
        subject: { type: 'petition', id: list.petitionId },
        summary: `Verification sample of ${ids.length} drawn from list "${list.label}" with seed ${seed}`,
        data: { listId, seed, size: ids.length, ids },
      });
      return { seed, ids };
    });
  }

  /** The sampled signatures with their personal numbers, for the staff member checking them. Audited. */
  async sampledForVerification(actor: Actor, listId: string): Promise<SampledSignature[]> {
    this.staffOnly(actor);
    return this.transactions.run(async () => {
      const list = await this.signatures.paperList(listId);
      if (!list) {
        throw new PetitionError('petitions.list-not-found', 'not-found', 'Paper list not found');
      }
      if (!list.sampleSeed) {
        throw new PetitionError('petitions.not-sampled', 'conflict', 'Draw the sample first');
      }
      const rows = await this.signatures.sampled(listId);
      await this.audit.record({
        actor,
        action: 'petitions.personal-numbers-viewed',
        subject: { type: 'petition', id: list.petitionId },
        summary: `${actor.label} viewed ${rows.length} personal numbers of the sample of list "${list.label}"`,
        data: { listId, signatureIds: rows.map((row) => row.id) },
      });
      return rows.map((row) => this.reveal(row));
    });
  }

  async markSampled(
    actor: Actor,
    signatureId: string,
    result: 'valid' | 'invalid',
    reason?: string,
  ): Promise<void> {
    this.staffOnly(actor);
    await this.transactions.run(async () => {
      const signature = await this.signatures.find(signatureId);
      if (!signature?.sampled) {
        throw new PetitionError('petitions.not-sampled', 'conflict', 'Only sampled signatures are marked');
      }
      if (result === 'valid') {
        await this.signatures.markValid(signatureId);
        await this.audit.record({
          actor,
          action: 'petitions.sample-valid',
          subject: { type: 'petition', id: signature.petitionId },
          summary: 'Sampled paper signature found valid',
          data: { signatureId },
        });
        return;
      }
      await this.invalidateInTransaction(actor, signature, reason ?? '');
    });
    this.signing.forget((await this.signatures.find(signatureId))?.petitionId ?? '');
  }

  /** Staff invalidate any signature with a reason: audited, moved out of the count, shown in totals. */
  async invalidate(actor: Actor, signatureId: string, reason: string): Promise<void> {
    this.staffOnly(actor);
    await this.transactions.run(async () => {
      const signature = await this.signatures.find(signatureId);
      if (!signature) {
        throw notFound();
      }
      await this.invalidateInTransaction(actor, signature, reason);
      this.signing.forget(signature.petitionId);
    });
  }

  async flagged(actor: Actor, petitionId: string): Promise<SignatureRow[]> {
    this.staffOnly(actor);
    return this.signatures.flagged(petitionId);
  }

  private async invalidateInTransaction(
    actor: Actor,
    signature: SignatureRow,
    reason: string,
  ): Promise<void> {
    const trimmed = reason.trim();
    if (trimmed.length < 3) {
      throw fieldError(
        'petitions.reason-required',
        'invalid',
        'reason',
        'Give the reason the signature is invalid',
      );
    }
    if (!(await this.signatures.invalidate(signature.id, trimmed))) {
      throw new PetitionError(
        'petitions.invalid-transition',
        'conflict',
        'This signature is not active',
        undefined,
        {
          status: signature.status,
        },
      );
    }
    await this.audit.record({
      actor,
      action: 'petitions.signature-invalidated',
      subject: { type: 'petition', id: signature.petitionId },
      summary: `Signature invalidated: ${trimmed}`,
      data: { signatureId: signature.id, source: signature.source },
    });
  }

  private reveal(row: SignatureRow): SampledSignature {
    return {
      id: row.id,
      name: row.signerName ?? '',
      personalNumber: row.personalNumberEnc ? this.vault.decrypt(row.personalNumberEnc) : '',
      address: row.address ?? '',
      signedOn: row.signedOn ?? '',
      verification: row.verification,
      invalidReason: row.invalidReason,
    };
  }
}
