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
import { PetitionsRepository } from '../repositories/petitions.repository';
import { ModerationService } from '../services/moderation.service';
import { AssemblyFormPage } from './admin-assembly.pages';
import { AdminDeskPage } from './admin-desk.pages';
import { AdminPetitionResponder } from './admin-petition.responder';
import { assemblyInputOf, assemblyProblems, petitionErrorsOf } from './forms';

/** The Sakrebulo's petition desk: the queues, moderation, registration, the answer, assembly petitions. */
@ApiExcludeController()
@Controller('admin/petitions')
@Roles('staff', 'moderator', 'admin')
export class PetitionsAdminPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly petitions: PetitionsRepository,
    private readonly moderation: ModerationService,
    private readonly municipalities: MunicipalityService,
    private readonly responder: AdminPetitionResponder,
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

  @Get(':id')
  async show(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<void> {
    await this.responder.render(request, reply, actor, id, EMPTY_FORM);
  }

  @Post(':id/open')
  async open(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ) {
    await this.responder.attempt(request, reply, actor, id, {}, () => this.moderation.open(actor, id));
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
    await this.responder.attempt(
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
    await this.responder.attempt(request, reply, actor, id, {}, () => this.moderation.register(actor, id));
  }

  @Post(':id/consider')
  async consider(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query('council') council?: string,
  ) {
    await this.responder.attempt(request, reply, actor, id, {}, () =>
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
    await this.responder.attempt(
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
    await this.responder.attempt(request, reply, actor, id, {}, () => this.moderation.close(actor, id));
  }

  private async renderAssembly(request: PageRequest, reply: FastifyReply, form: FormState, status: number) {
    const settlements = await this.municipalities.settlements();
    await this.pages.send(request, reply, (ctx) => AssemblyFormPage({ ctx, settlements, form }), status);
  }
}
