import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  AuditLog,
  MunicipalityService,
  TransactionRunner,
} from '@chartuloba/platform';
import { PetitionStatus, PUBLIC_STATUSES } from '../domain/lifecycle';
import type { CreatePetitionDto } from '../dto/petitions.dto';
import { forbidden, notFound, PetitionError } from '../petitions.errors';
import { can } from '../petitions.policy';
import { petitionSettingsOf, PetitionSettings } from '../petitions.settings';
import type { Petition } from '../repositories/petition.row';
import { PetitionSort, PetitionsRepository, PetitionWithCount } from '../repositories/petitions.repository';
import { checkPetitionText, cleanText, closingInstant } from './petition-input';
import { PetitionTransitions } from './petition-transitions';

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Writing, submitting and reading petitions; the initiative group. */
@Injectable()
export class PetitionsService {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly transitions: PetitionTransitions,
    private readonly municipalities: MunicipalityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async settings(): Promise<PetitionSettings> {
    return petitionSettingsOf(await this.municipalities.current().catch(() => null));
  }

  async createDraft(actor: Actor, input: CreatePetitionDto): Promise<Petition> {
    const title = cleanText(input.title);
    const body = cleanText(input.body);
    checkPetitionText(title, body, input.kind);
    const closesAt = closingInstant(input.closesOn, new Date(), (await this.settings()).maxOpenDays);
    return this.transactions.run(async () => {
      const petition = await this.petitions.insert({
        kind: input.kind,
        status: 'draft',
        title,
        body,
        authorId: actor.id,
        authorName: actor.label,
        closesAt,
      });
      await this.petitions.addInitiator(petition.id, actor.id, 'author');
      await this.audit.record({
        actor,
        action: 'petitions.drafted',
        subject: { type: 'petition', id: petition.id },
        summary: `Petition drafted (${input.kind})`,
      });
      return petition;
    });
  }

  async updateDraft(actor: Actor, id: string, input: CreatePetitionDto): Promise<Petition> {
    const title = cleanText(input.title);
    const body = cleanText(input.body);
    checkPetitionText(title, body, input.kind);
    const closesAt = closingInstant(input.closesOn, new Date(), (await this.settings()).maxOpenDays);
    return this.transactions.run(async () => {
      const petition = await this.get(actor, id);
      if (!can(actor, 'edit', petition)) {
        throw forbidden();
      }
      const updated = await this.petitions.transition(id, ['draft', 'returned'], {
        kind: input.kind,
        title,
        body,
        closesAt,
      });
      if (!updated) {
        throw forbidden();
      }
      await this.audit.record({
        actor,
        action: 'petitions.edited',
        subject: { type: 'petition', id },
        summary: 'Petition text edited by its author',
      });
      return updated;
    });
  }

  /** The author hands the draft to moderation. */
  async submit(actor: Actor, id: string): Promise<Petition> {
    return this.transactions.run(async () => {
      const petition = await this.get(actor, id);
      if (!can(actor, 'submit', petition)) {
        throw forbidden();
      }
      const settings = await this.settings();
      // The chosen date must still leave room to sign; an old draft gets a clear message to fix it.
      closingInstant(
        new Date((petition.closesAt ?? new Date()).getTime() + 4 * 3600_000).toISOString().slice(0, 10),
        new Date(),
        settings.maxOpenDays,
      );
      return this.transitions.apply(
        petition,
        'submit',
        { submittedAt: new Date(), moderationNote: null },
        {
          actor,
          summary: 'Submitted for moderation',
        },
      );
    });
  }

  /** A petition the actor may see; drafts only to their initiators and staff. */
  async get(actor: Actor | undefined, id: string): Promise<Petition> {
    const petition = await this.petitions.find(id);
    if (!petition) {
      throw notFound();
    }
    const initiators = actor ? (await this.petitions.initiators(id)).map((i) => i.userId) : [];
    if (!can(actor, 'view', petition, initiators)) {
      throw notFound();
    }
    return petition;
  }

  async initiators(id: string): Promise<Array<{ userId: string; role: string }>> {
    return this.petitions.initiators(id);
  }

  async list(
    status: PetitionStatus | undefined,
    sort: PetitionSort,
    page: number,
    pageSize: number,
  ): Promise<{ items: PetitionWithCount[]; total: number }> {
    const statuses = status && PUBLIC_STATUSES.includes(status) ? [status] : status ? [] : PUBLIC_STATUSES;
    return this.petitions.list({ statuses, sort, limit: pageSize, offset: (page - 1) * pageSize });
  }

  async mine(actor: Actor): Promise<Array<PetitionWithCount & { relation: string }>> {
    return this.petitions.ofUser(actor.id);
  }

  /** A one-use link the author shares with a co-initiator. */
  async invite(actor: Actor, id: string): Promise<string> {
    return this.transactions.run(async () => {
      const petition = await this.get(actor, id);
      if (!can(actor, 'invite', petition)) {
        throw forbidden();
      }
      const token = randomBytes(24).toString('base64url');
      await this.petitions.createInvitation(tokenHash(token), id, actor.id);
      await this.audit.record({
        actor,
        action: 'petitions.co-initiator-invited',
        subject: { type: 'petition', id },
        summary: 'Invitation link for a co-initiator created',
      });
      return `${this.config.publicUrl}/petitions/${id}/join?token=${token}`;
    });
  }

  async join(actor: Actor, id: string, token: string): Promise<Petition> {
    return this.transactions.run(async () => {
      const petitionId = await this.petitions.useInvitation(tokenHash(token), actor.id);
      if (petitionId !== id) {
        throw new PetitionError(
          'petitions.invitation-invalid',
          'invalid',
          'This invitation is not valid any more',
        );
      }
      await this.petitions.addInitiator(id, actor.id, 'co-initiator');
      await this.audit.record({
        actor,
        action: 'petitions.co-initiator-joined',
        subject: { type: 'petition', id },
        summary: `${actor.label} joined the initiative group`,
      });
      const petition = await this.petitions.find(id);
      if (!petition) {
        throw notFound();
      }
      return petition;
    });
  }
}
