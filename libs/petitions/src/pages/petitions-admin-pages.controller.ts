import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  CurrentActor,
  DomainError,
  EMPTY_FORM,
  FormState,
  formValues,
  MunicipalityService,
  PageRenderer,
  PageRequest,
  parseLocalizedText,
  Roles,
  STATUS_OF_KIND,
} from '@chartuloba/platform';
import { ANSWER_OUTCOMES, AnswerOutcome } from '../domain/lifecycle';
import { notFound } from '../petitions.errors';
import { PetitionsRepository } from '../repositories/petitions.repository';
import { SignaturesRepository } from '../repositories/signatures.repository';
import { ModerationService } from '../services/moderation.service';
import { PaperService } from '../services/paper.service';
import { SigningService } from '../services/signing.service';
import {
  assemblyInputOf,
  assemblyProblems,
  paperSignatureOf,
  paperSignatureProblems,
  petitionErrorsOf,
} from './forms';
import {
  AdminDeskPage,
  AdminPetitionPage,
  AssemblyFormPage,
  SampleVerificationPage,
} from './petitions-admin.pages';

/** The Sakrebulo's petition desk: moderation, registration deadlines, paper lists and their sample. */
@ApiExcludeController()
@Controller('admin/petitions')
@Roles('staff', 'moderator', 'admin')
export class PetitionsAdminPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly petitions: PetitionsRepository,
    private readonly signatures: SignaturesRepository,
    private readonly moderation: ModerationService,
    private readonly paper: PaperService,
    private readonly signing: SigningService,
    private readonly municipalities: MunicipalityService,
  ) {}

  @Get()
  async desk(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    const [moderation, registration, consideration, running] = await Promise.all([
      this.petitions.byStatuses(['submitted']),
      this.petitions.byStatuses(['threshold-reached']),
      this.petitions.byStatuses(['registered', 'under-consideration']),
      this.petitions.byStatuses(['open']),
    ]);
    await this.pages.send(request, reply, (ctx) =>
      AdminDeskPage({ ctx, moderation, registration, consideration, running }),
    );
  }

  @Get('assembly')
  async assemblyForm(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    const settlements = await this.municipalities.settlements();
    await this.pages.send(request, reply, (ctx) => AssemblyFormPage({ ctx, settlements, form: EMPTY_FORM }));
  }

  @Post('assembly')
  async assembly(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Body() raw: unknown,
  ): Promise<void> {
    const input = assemblyInputOf(raw);
    const t = this.pages.translator(request);
    const problems = assemblyProblems(input, t);
    if (problems.length) {
      await this.renderAssembly(request, reply, { values: formValues(raw), errors: problems }, 400);
      return;
    }
    try {
      const petition = await this.moderation.recordAssemblyPetition(actor, input);
      await this.pages.redirect(reply, `/admin/petitions/${petition.id}`, 'petitions.flash.updated');
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw error;
      }
      const form = { values: formValues(raw), errors: petitionErrorsOf(error, t, 'title') };
      await this.renderAssembly(request, reply, form, STATUS_OF_KIND[error.kind]);
    }
  }

  @Get('paper-lists/:listId')
  async sample(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('listId') listId: string,
  ): Promise<void> {
    const list = await this.signatures.paperList(listId);
    if (!list) {
      throw notFound();
    }
    const rows = await this.paper.sampledForVerification(actor, listId);
    await this.pages.send(request, reply, (ctx) =>
      SampleVerificationPage({
        ctx,
        petitionId: list.petitionId,
        label: list.label,
        seed: list.sampleSeed ?? '',
        rows,
      }),
    );
  }

  @Get(':id')
  async show(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<void> {
    await this.render(request, reply, actor, id, EMPTY_FORM);
  }

  @Post(':id/open')
  async open(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ) {
    await this.act(request, reply, actor, id, {}, () => this.moderation.open(actor, id));
  }

  @Post(':id/return')
  async return(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() raw: unknown,
  ) {
    const reason = formValues(raw)['reason'] ?? '';
    await this.act(
      request,
      reply,
      actor,
      id,
      { reason },
      () => this.moderation.returnToAuthor(actor, id, reason),
      'reason',
    );
  }

  @Post(':id/register')
  async register(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ) {
    await this.act(request, reply, actor, id, {}, () => this.moderation.register(actor, id));
  }

  @Post(':id/consider')
  async consider(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query('council') council?: string,
  ) {
    await this.act(request, reply, actor, id, {}, () =>
      this.moderation.consider(actor, id, council === 'true'),
    );
  }

  @Post(':id/answer')
  async answer(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() raw: unknown,
  ) {
    const values = formValues(raw);
    const outcome = values['outcome'] ?? '';
    const text = parseLocalizedText(values, 'text');
    await this.act(
      request,
      reply,
      actor,
      id,
      {},
      () =>
        this.moderation.answer(
          actor,
          id,
          (ANSWER_OUTCOMES.includes(outcome as AnswerOutcome) ? outcome : 'rejected') as AnswerOutcome,
          text,
        ),
      'text',
    );
  }

  @Post(':id/close')
  async close(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ) {
    await this.act(request, reply, actor, id, {}, () => this.moderation.close(actor, id));
  }

  @Post(':id/paper-lists')
  async createList(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() raw: unknown,
  ) {
    const label = formValues(raw)['label'] ?? '';
    await this.act(
      request,
      reply,
      actor,
      id,
      { label },
      () => this.paper.createList(actor, id, label),
      'label',
    );
  }

  @Post('paper-lists/:listId/signatures')
  async addPaper(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('listId') listId: string,
    @Body() raw: unknown,
  ) {
    const input = paperSignatureOf(raw);
    const list = await this.signatures.paperList(listId);
    if (!list) {
      throw notFound();
    }
    // The typed personal number is not echoed back into the page.
    const shown = { ...input, personalNumber: '' };
    const problems = paperSignatureProblems(input, this.pages.translator(request));
    if (problems.length) {
      await this.render(request, reply, actor, list.petitionId, { values: shown, errors: problems }, 400);
      return;
    }
    await this.act(
      request,
      reply,
      actor,
      list.petitionId,
      shown,
      () => this.paper.addSignature(actor, listId, input),
      'personalNumber',
    );
  }

  @Post('paper-lists/:listId/sample')
  async drawSample(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('listId') listId: string,
  ) {
    const list = await this.signatures.paperList(listId);
    if (!list) {
      throw notFound();
    }
    await this.act(request, reply, actor, list.petitionId, {}, () => this.paper.drawSample(actor, listId));
  }

  @Post('signatures/:signatureId/verify')
  async verify(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('signatureId') signatureId: string,
    @Body() raw: unknown,
  ) {
    const values = formValues(raw);
    const signature = await this.signatures.find(signatureId);
    if (!signature) {
      throw notFound();
    }
    const result = values['result'] === 'valid' ? 'valid' : 'invalid';
    try {
      await this.paper.markSampled(actor, signatureId, result, values['reason'] ?? '');
      await this.pages.redirect(
        reply,
        `/admin/petitions/paper-lists/${signature.paperListId ?? ''}`,
        'petitions.flash.updated',
      );
    } catch (error) {
      await this.failed(request, reply, actor, signature.petitionId, error, {}, 'reason');
    }
  }

  @Post('signatures/:signatureId/invalidate')
  async invalidate(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('signatureId') signatureId: string,
    @Body() raw: unknown,
  ) {
    const signature = await this.signatures.find(signatureId);
    if (!signature) {
      throw notFound();
    }
    await this.act(
      request,
      reply,
      actor,
      signature.petitionId,
      {},
      () => this.paper.invalidate(actor, signatureId, formValues(raw)['reason'] ?? ''),
      'reason',
    );
  }

  private async act(
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
      await this.failed(request, reply, actor, id, error, values, field);
    }
  }

  private async failed(
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

  private async renderAssembly(request: PageRequest, reply: FastifyReply, form: FormState, status: number) {
    const settlements = await this.municipalities.settlements();
    await this.pages.send(request, reply, (ctx) => AssemblyFormPage({ ctx, settlements, form }), status);
  }

  private async render(
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
