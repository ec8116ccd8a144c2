import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  DomainError,
  I18nService,
  MunicipalityService,
  PageContext,
  PageRenderer,
  PageRequest,
  pickText,
  STATUS_OF_KIND,
} from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { acceptsSignatures } from '../domain/lifecycle';
import { SignaturesRepository } from '../repositories/signatures.repository';
import { PetitionsService } from '../services/petitions.service';
import { SigningService } from '../services/signing.service';
import { PetitionDetailPage } from './public-detail.pages';

/**
 * The public petition page as the answer to the buttons on it, shared by the public, author's and
 * signing controllers: a refused action shows the page again with the refusal.
 */
@Injectable()
export class PetitionDetailResponder {
  constructor(
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
    private readonly petitions: PetitionsService,
    private readonly signing: SigningService,
    private readonly signatures: SignaturesRepository,
    private readonly identity: IdentityFacade,
    private readonly municipalities: MunicipalityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs an action from a button; success redirects back with a notice, a refusal shows the page with it. */
  async attempt(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    action: () => Promise<unknown>,
    flashKey: string,
  ): Promise<void> {
    try {
      await action();
      await this.pages.redirect(reply, `/petitions/${id}`, flashKey);
    } catch (error) {
      await this.refuse(request, reply, actor, id, error);
    }
  }

  /** A refusal shown on the page; not-found and anything but a domain error go on to the error page. */
  async refuse(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    error: unknown,
  ): Promise<void> {
    if (!(error instanceof DomainError) || error.kind === 'not-found') {
      throw error;
    }
    await this.render(request, reply, actor, id, undefined, error);
  }

  /** The page as this visitor sees it; signed-out visitors share one render per language (`sendShared`). */
  async render(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor | undefined,
    id: string,
    inviteLink?: string,
    error?: DomainError,
  ): Promise<void> {
    const load = () => this.load(request, actor, id, inviteLink, error);
    if (error) {
      await this.pages.send(request, reply, await load(), STATUS_OF_KIND[error.kind]);
      return;
    }
    await (inviteLink
      ? this.pages.send(request, reply, await load())
      : this.pages.sendShared(request, reply, load));
  }

  private async load(
    request: PageRequest,
    actor: Actor | undefined,
    id: string,
    inviteLink?: string,
    error?: DomainError,
  ): Promise<(ctx: PageContext) => VNode> {
    const petition = await this.petitions.get(actor, id);
    const [count, recent, signature, resident, settlements] = await Promise.all([
      this.signing.count(id),
      this.signatures.recentInitials(id, 30),
      this.signing.signatureOf(actor, id),
      actor ? this.identity.isResidentVerified(actor.id) : Promise.resolve(false),
      petition.settlementId ? this.municipalities.settlements() : Promise.resolve([]),
    ]);
    const locale = request.locale ?? this.i18n.defaultLocale;
    const settlement = settlements.find((s) => s.id === petition.settlementId);
    const t = this.pages.translator(request);
    return (ctx) =>
      PetitionDetailPage({
        ctx,
        error: error ? t(error.messageKey, error.params) : undefined,
        petition,
        count,
        settlementName: settlement ? pickText(settlement.name, locale) : undefined,
        recent,
        sign: {
          signedIn: !!actor,
          resident,
          signature,
          accepts: acceptsSignatures(petition.status, petition.closesAt, new Date()),
        },
        isAuthor: !!actor && petition.authorId === actor.id,
        inviteLink,
        publicUrl: this.config.publicUrl,
      });
  }
}
