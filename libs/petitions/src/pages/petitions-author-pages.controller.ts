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
  PageRenderer,
  PageRequest,
  STATUS_OF_KIND,
} from '@chartuloba/platform';
import type { Petition } from '../repositories/petition.row';
import { PetitionsService } from '../services/petitions.service';
import { JoinPage, MyPetitionsPage, PetitionFormPage } from './author.pages';
import { petitionErrorsOf, petitionFormValues, petitionInputOf } from './forms';
import { PetitionDetailResponder } from './petition-detail.responder';

/** The author's pages: writing, editing and submitting a petition, co-authors by invitation, my petitions. */
@ApiExcludeController()
@Controller('petitions')
export class PetitionsAuthorPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly petitions: PetitionsService,
    private readonly detail: PetitionDetailResponder,
  ) {}

  @Get('new')
  async newForm(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.renderForm(request, reply, EMPTY_FORM);
  }

  @Post('new')
  async create(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
  ): Promise<void> {
    try {
      const petition = await this.petitions.createDraft(actor, petitionInputOf(body));
      await this.pages.redirect(reply, `/petitions/${petition.id}`, 'petitions.flash.saved');
    } catch (error) {
      await this.formError(request, reply, error, body);
    }
  }

  @Get('mine')
  async mine(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const items = await this.petitions.mine(actor);
    await this.pages.send(request, reply, (ctx) => MyPetitionsPage({ ctx, items }));
  }

  @Get(':id/edit')
  async editForm(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<void> {
    const petition = await this.petitions.get(actor, id);
    await this.renderForm(request, reply, { values: petitionFormValues(petition), errors: [] }, id);
  }

  @Post(':id/edit')
  async edit(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<void> {
    try {
      await this.petitions.updateDraft(actor, id, petitionInputOf(body));
      await this.pages.redirect(reply, `/petitions/${id}`, 'petitions.flash.saved');
    } catch (error) {
      await this.formError(request, reply, error, body, id);
    }
  }

  @Post(':id/submit')
  async submit(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<void> {
    await this.detail.attempt(
      request,
      reply,
      actor,
      id,
      () => this.petitions.submit(actor, id),
      'petitions.flash.submitted',
    );
  }

  @Post(':id/invite')
  async invite(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<void> {
    try {
      const link = await this.petitions.invite(actor, id);
      await this.detail.render(request, reply, actor, id, link);
    } catch (error) {
      await this.detail.refuse(request, reply, actor, id, error);
    }
  }

  @Get(':id/join')
  async joinForm(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Query('token') token?: string,
  ): Promise<void> {
    const petition = await this.petitions.get(undefined, id).catch(() => null);
    if (!petition && !token) {
      await this.pages.sendError(request, reply, 404);
      return;
    }
    const shown = petition ?? ({ id, title: {} } as unknown as Petition);
    await this.pages.send(request, reply, (ctx) => JoinPage({ ctx, petition: shown, token: token ?? '' }));
  }

  @Post(':id/join')
  async join(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.detail.attempt(
      request,
      reply,
      actor,
      id,
      () => this.petitions.join(actor, id, formValues(body)['token'] ?? ''),
      'petitions.flash.joined',
    );
  }

  private async renderForm(
    request: PageRequest,
    reply: FastifyReply,
    form: FormState,
    petitionId?: string,
    status = 200,
  ) {
    const { maxOpenDays } = await this.petitions.settings();
    await this.pages.send(
      request,
      reply,
      (ctx) => PetitionFormPage({ ctx, form, maxOpenDays, petitionId }),
      status,
    );
  }

  private async formError(
    request: PageRequest,
    reply: FastifyReply,
    error: unknown,
    body: unknown,
    petitionId?: string,
  ): Promise<void> {
    if (!(error instanceof DomainError)) {
      throw error;
    }
    const form = {
      values: formValues(body),
      errors: petitionErrorsOf(error, this.pages.translator(request), 'title'),
    };
    await this.renderForm(request, reply, form, petitionId, STATUS_OF_KIND[error.kind]);
  }
}
