import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  DomainError,
  FormState,
  PageRenderer,
  PageRequest,
  STATUS_OF_KIND,
} from '@chartuloba/platform';
import { notFound } from '../petitions.errors';
import { PetitionsRepository } from '../repositories/petitions.repository';
import { ModerationService } from '../services/moderation.service';
import { PaperService } from '../services/paper.service';
import { SigningService } from '../services/signing.service';
import { AdminPetitionPage } from './admin-petition.pages';
import { petitionErrorsOf } from './forms';

/**
 * The staff petition page as the answer to its forms, shared by the moderation and the paper controllers:
 * success redirects back to it, a refusal re-renders it with the problem next to its field.
 */
@Injectable()
export class AdminPetitionResponder {
  constructor(
    private readonly pages: PageRenderer,
    private readonly petitions: PetitionsRepository,
    private readonly moderation: ModerationService,
    private readonly paper: PaperService,
    private readonly signing: SigningService,
  ) {}

  /** Runs a form action, then redirects to the staff page with a notice; a refusal shows it at `field`. */
  async attempt(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    values: Record<string, string>,
    action: () => Promise<unknown>,
    field = 'status',
  ): Promise<void> {
    try {
      await action();
      await this.pages.redirect(reply, `/admin/petitions/${id}`, 'petitions.flash.updated');
    } catch (error) {
      await this.refuse(request, reply, actor, id, error, values, field);
    }
  }

  /** A refusal shown at its field; not-found and anything but a domain error go on to the error page. */
  async refuse(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    error: unknown,
    values: Record<string, string>,
    field: string,
  ): Promise<void> {
    if (!(error instanceof DomainError) || error.kind === 'not-found') {
      throw error;
    }
    const errors = petitionErrorsOf(error, this.pages.translator(request), field);
    await this.render(request, reply, actor, id, { values, errors }, STATUS_OF_KIND[error.kind]);
  }

  async render(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    form: FormState,
    status = 200,
  ): Promise<void> {
    const petition = await this.petitions.find(id);
    if (!petition) {
      throw notFound();
    }
    const [count, lists, flagged] = await Promise.all([
      this.signing.exactCount(id),
      this.paper.lists(actor, id).catch(() => []),
      this.paper.flagged(actor, id).catch(() => []),
    ]);
    await this.pages.send(
      request,
      reply,
      (ctx) =>
        AdminPetitionPage({
          ctx,
          petition,
          count,
          lists,
          flagged,
          councilAvailable: this.moderation.councilAvailable,
          form,
        }),
      status,
    );
  }
}
