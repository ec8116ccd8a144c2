import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor, formValues, PageRequest } from '@chartuloba/platform';
import { SigningService } from '../services/signing.service';
import { PetitionDetailResponder } from './petition-detail.responder';

/** A resident's signature from the petition's page: sign, withdraw, and the notice preference. */
@ApiExcludeController()
@Controller('petitions')
export class PetitionsSigningPagesController {
  constructor(
    private readonly signing: SigningService,
    private readonly detail: PetitionDetailResponder,
  ) {}

  @Post(':id/sign')
  async sign(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const notify = formValues(body)['notify'] === 'true';
    await this.detail.attempt(
      request,
      reply,
      actor,
      id,
      () => this.signing.sign(actor, id, request.ip, notify),
      'petitions.flash.signed',
    );
  }

  @Post(':id/withdraw')
  async withdraw(
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
      () => this.signing.withdraw(actor, id, request.ip),
      'petitions.flash.withdrawn',
    );
  }

  @Post(':id/notify')
  async notify(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const notify = formValues(body)['notify'] === 'true';
    await this.detail.attempt(
      request,
      reply,
      actor,
      id,
      () => this.signing.setNotify(actor, id, notify),
      'petitions.flash.preferences',
    );
  }
}
