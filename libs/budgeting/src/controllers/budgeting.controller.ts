import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AcceptsUploads,
  Actor,
  API_PREFIX,
  CurrentActor,
  Public,
  requiredUploadOf,
  Roles,
} from '@chartuloba/platform';
import {
  ATTACHMENT_UPLOAD_SCHEMA,
  AttachmentResponseDto,
  CastBallotDto,
  CommentDto,
  ProposeProjectDto,
  toAttachmentResponse,
} from '../dto/budgeting.dto';
import { AttachmentsService } from '../services/attachments.service';
import { BallotsService } from '../services/ballots.service';
import { CommentsService } from '../services/comments.service';
import { CyclesService } from '../services/cycles.service';
import { MergesService } from '../services/merges.service';
import { PbExchangeService } from '../services/pb-exchange.service';
import { ProposalsService } from '../services/proposals.service';
import { ResultsService } from '../services/results.service';

/** The public and resident side of participatory budgeting. */
@ApiTags('budgeting')
@Controller(`${API_PREFIX}/budgeting`)
export class BudgetingController {
  constructor(
    private readonly cycles: CyclesService,
    private readonly proposals: ProposalsService,
    private readonly ballots: BallotsService,
    private readonly results: ResultsService,
    private readonly pb: PbExchangeService,
    private readonly comments: CommentsService,
    private readonly attachments: AttachmentsService,
    private readonly merges: MergesService,
  ) {}

  @Get('cycles')
  @Public()
  @ApiOperation({ summary: 'Participatory budgeting cycles, newest first' })
  async list() {
    return this.cycles.list();
  }

  @Get('cycles/:id')
  @Public()
  @ApiOperation({ summary: 'One cycle with its rules, districts and projects' })
  async show(@Param('id', ParseUUIDPipe) id: string) {
    const cycle = await this.cycles.get(id);
    const [districts, projects] = [await this.cycles.districts(id), await this.proposals.list(id)];
    return { ...cycle, districts, projects };
  }

  @Get('cycles/:id/results')
  @Public()
  @ApiOperation({ summary: 'Published results: every project’s votes, selected or not and why, budget used' })
  async resultsOf(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor?: Actor) {
    const cycle = await this.cycles.get(id);
    return {
      phase: cycle.phase,
      rule: cycle.outcomeRule,
      tieBreak: cycle.tieBreak,
      districts: await this.results.results(actor, cycle),
    };
  }

  @Get('cycles/:id/districts/:districtId/export.pb')
  @Public()
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'A district’s anonymised ballots and results as a Pabulib .pb file' })
  async export(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('districtId', ParseUUIDPipe) districtId: string,
    @CurrentActor() actor?: Actor,
  ): Promise<string> {
    return this.pb.export(actor, id, districtId);
  }

  @Post('cycles/:id/projects')
  @Roles()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Propose a project (during the proposals phase)' })
  async propose(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ProposeProjectDto,
  ) {
    return this.proposals.propose(actor, id, body);
  }

  @Get('projects/:id/attachments')
  @Public()
  @ApiOperation({ summary: 'The files attached to a proposal (sketches, site photos, cost quotes)' })
  @ApiOkResponse({ type: [AttachmentResponseDto] })
  async attachmentsOf(@Param('id', ParseUUIDPipe) id: string): Promise<AttachmentResponseDto[]> {
    await this.proposals.project(id);
    return (await this.attachments.list(id)).map(toAttachmentResponse);
  }

  @Post('projects/:id/attachments')
  @Roles()
  @ApiBearerAuth()
  @AcceptsUploads()
  @ApiOperation({
    summary:
      'The author attaches a PDF or an image to their proposal (at most 3, while proposals are collected)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: ATTACHMENT_UPLOAD_SCHEMA })
  @ApiCreatedResponse({ type: AttachmentResponseDto })
  async attach(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<AttachmentResponseDto> {
    const caption = typeof body.caption === 'string' ? body.caption : null;
    const view = await this.attachments.add(actor, id, { file: requiredUploadOf(body, 'file'), caption });
    return toAttachmentResponse(view);
  }

  @Delete('projects/:id/attachments/:attachmentId')
  @Roles()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'The author removes an attachment while proposals are collected' })
  async detach(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ): Promise<void> {
    await this.attachments.remove(actor, id, attachmentId);
  }

  @Post('projects/:id/support')
  @Roles()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Support a proposal before review' })
  async support(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.proposals.support(actor, id);
  }

  @Post('projects/:id/comments')
  @Roles()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Comment on a proposal before review' })
  async comment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CommentDto,
  ): Promise<void> {
    await this.comments.add(actor, id, body.body);
  }

  @Post('projects/:id/merge/:targetId/agree')
  @Roles()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'An author agrees to merge their proposal' })
  async agreeMerge(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
  ): Promise<void> {
    await this.merges.agree(actor, id, targetId);
  }

  @Post('projects/:id/merge/:targetId/decline')
  @Roles()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'An author declines to merge their proposal; the proposals stay separate' })
  async declineMerge(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
  ): Promise<void> {
    await this.merges.decline(actor, id, targetId);
  }

  @Post('cycles/:id/ballot')
  @Roles()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Cast or change one’s ballot in a district; answers with the receipt code' })
  async vote(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CastBallotDto,
  ) {
    const ballot = await this.ballots.vote(actor, id, body.districtId, body.choices);
    return { receipt: ballot.receipt, districtId: ballot.districtId, updatedAt: ballot.updatedAt };
  }

  @Get('receipts/:code')
  @Public()
  @ApiOperation({ summary: 'Whether the ballot with this receipt code was received and counted' })
  async receipt(@Param('code') code: string) {
    return this.ballots.checkReceipt(code);
  }
}
