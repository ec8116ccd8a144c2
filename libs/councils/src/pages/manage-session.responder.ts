import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  DomainError,
  domainErrorsOf,
  FieldError,
  PageRenderer,
  PageRequest,
  STATUS_OF_KIND,
} from '@chartuloba/platform';
import { BodiesService } from '../services/bodies.service';
import { CouncilsReadService } from '../services/councils-read.service';
import type { FormState } from './admin-forms.parts';
import { ManageSessionPage } from './admin-session.pages';
import { isFormRefusal } from './form-refusal';

/**
 * The staff session page as the answer to its forms, shared by the controllers that take them (session,
 * documents, votes): a refused post re-renders the page with the problem next to its field.
 */
@Injectable()
export class ManageSessionResponder {
  constructor(
    private readonly pages: PageRenderer,
    private readonly bodies: BodiesService,
    private readonly read: CouncilsReadService,
  ) {}

  /** Runs a form action, then redirects back to the session page with `flash`; a refusal re-renders it. */
  async attempt(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    sessionId: string,
    field: string,
    work: () => Promise<unknown>,
    flash = 'councils.flash.saved',
    values: Record<string, unknown> = {},
  ): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!isFormRefusal(error)) {
        throw error;
      }
      const form = { values, errors: this.formErrors(request, error, field) };
      await this.render(request, reply, actor, sessionId, form, STATUS_OF_KIND[error.kind]);
      return;
    }
    await this.pages.redirect(reply, `/admin/councils/sessions/${sessionId}`, flash);
  }

  /** A refusal's message in the visitor's language, on its own fields or on `fallback`. */
  formErrors(request: PageRequest, error: DomainError, fallback: string): FieldError[] {
    return domainErrorsOf(error, this.pages.translator(request), fallback);
  }

  async render(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    form: FormState,
    status = 200,
  ): Promise<void> {
    const view = await this.read.session(id);
    await this.bodies.assertManages(actor, view.body.id);
    const pending = await this.read.pendingMotions();
    const now = new Date();
    await this.pages.send(
      request,
      reply,
      (ctx) => ManageSessionPage({ ctx, view, pending, form, now }),
      status,
    );
  }
}
