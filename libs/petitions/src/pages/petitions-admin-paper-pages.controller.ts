import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor, formValues, PageRenderer, PageRequest, Roles } from '@chartuloba/platform';
import { notFound } from '../petitions.errors';
import { SignaturesRepository } from '../repositories/signatures.repository';
import { PaperService } from '../services/paper.service';
import { SampleVerificationPage } from './admin-paper.pages';
import { AdminPetitionResponder } from './admin-petition.responder';
import { paperSignatureOf, paperSignatureProblems } from './forms';

/** Paper signatures at the desk: lists, entering signatures, the verification sample, invalidating one. */
@ApiExcludeController()
@Controller('admin/petitions')
@Roles('staff', 'moderator', 'admin')
export class PetitionsAdminPaperPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly signatures: SignaturesRepository,
    private readonly paper: PaperService,
    private readonly responder: AdminPetitionResponder,
  ) {}

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

  @Post(':id/paper-lists')
  async createList(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() raw: unknown,
  ) {
    const label = formValues(raw)['label'] ?? '';
    await this.responder.attempt(
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
      await this.responder.render(
        request,
        reply,
        actor,
        list.petitionId,
        { values: shown, errors: problems },
        400,
      );
      return;
    }
    await this.responder.attempt(
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
    await this.responder.attempt(request, reply, actor, list.petitionId, {}, () =>
      this.paper.drawSample(actor, listId),
    );
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
      await this.responder.refuse(request, reply, actor, signature.petitionId, error, {}, 'reason');
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
    await this.responder.attempt(
      request,
      reply,
      actor,
      signature.petitionId,
      {},
      () => this.paper.invalidate(actor, signatureId, formValues(raw)['reason'] ?? ''),
      'reason',
    );
  }
}
