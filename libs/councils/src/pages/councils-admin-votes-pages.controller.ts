import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor, PageRequest, Roles } from '@chartuloba/platform';
import type { VoteChoice } from '../domain/tally';
import { MotionsService } from '../services/motions.service';
import { ManageSessionResponder } from './manage-session.responder';

type Form = Record<string, unknown>;

/** The secretary's roll call and closing the vote on a motion, from the staff session page. */
@ApiExcludeController()
@Controller('admin/councils/sessions/:id')
@Roles()
export class CouncilsAdminVotesPagesController {
  constructor(
    private readonly motions: MotionsService,
    private readonly responder: ManageSessionResponder,
  ) {}

  @Post('motions/:motionId/roll-call')
  async rollCall(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('motionId', ParseUUIDPipe) motionId: string,
    @Body() body: Form,
  ): Promise<void> {
    const votes = Object.entries(body)
      .filter(
        ([key, value]) =>
          key.startsWith('vote-') && (value === 'yes' || value === 'no' || value === 'abstain'),
      )
      .map(([key, value]) => ({ memberId: key.slice('vote-'.length), choice: value as VoteChoice }));
    await this.responder.attempt(
      request,
      reply,
      actor,
      id,
      'roll-call',
      () => this.motions.rollCall(actor, motionId, votes),
      'councils.flash.roll-call',
    );
  }

  @Post('motions/:motionId/decide')
  async decide(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('motionId', ParseUUIDPipe) motionId: string,
  ): Promise<void> {
    await this.responder.attempt(
      request,
      reply,
      actor,
      id,
      'decide',
      () => this.motions.decide(actor, motionId),
      'councils.flash.decided',
    );
  }
}
