import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AcceptsUploads,
  Actor,
  API_PREFIX,
  CurrentActor,
  requiredUploadOf,
  Roles,
} from '@chartuloba/platform';
import {
  CreateCycleDto,
  cycleChangesOf,
  cycleInputOf,
  HideCommentDto,
  ImplementationUpdateDto,
  ImportPbDto,
  MergeDto,
  PaperBallotDto,
  PHOTO_UPLOAD_SCHEMA,
  PhotoResponseDto,
  ReviewDto,
  toPhotoResponse,
  UpdateCreatedDto,
  UpdateCycleDto,
} from '../dto/budgeting.dto';
import { AttachmentsService } from '../services/attachments.service';
import { BallotsService } from '../services/ballots.service';
import { CommentsService } from '../services/comments.service';
import { CyclesService } from '../services/cycles.service';
import { MergesService } from '../services/merges.service';
import { PbExchangeService } from '../services/pb-exchange.service';
import { ProposalsService } from '../services/proposals.service';
import { ResultsService } from '../services/results.service';

/** Staff side: cycles, review, phases, paper ballots, implementation updates, Pabulib import. */
@ApiTags('admin: budgeting')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/admin/budgeting`)
@Roles('staff', 'admin')
export class BudgetingAdminController {
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

  @Post('cycles')
  @ApiOperation({ summary: 'Create a cycle with its rules, budgets, ballot type, outcome rule and dates' })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateCycleDto) {
    return this.cycles.create(actor, cycleInputOf(body));
  }

  @Patch('cycles/:id')
  @ApiOperation({
    summary: 'Edit a cycle: any setting before proposals start; afterwards only its title and rules text',
  })
  async updateCycle(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCycleDto,
  ) {
    return this.cycles.update(actor, id, cycleChangesOf(body));
  }

  @Post('cycles/:id/advance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a cycle to its next phase (closing voting tallies it)' })
  async advance(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.cycles.advance(actor, id);
  }

  @Post('projects/:id/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Review a proposal: shortlist it, or reject it with public reasons' })
  async review(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReviewDto,
  ) {
    const review = { feasible: body.feasible, legal: body.legal, costEstimate: body.costEstimate };
    return this.proposals.review(
      actor,
      id,
      body.decision === 'shortlist'
        ? { decision: 'shortlist', review }
        : { decision: 'reject', review, reason: body.reason ?? {} },
    );
  }

  @Post('projects/:id/merge')
  @HttpCode(204)
  @ApiOperation({ summary: 'Propose merging a proposal into another; done once the authors agree' })
  async merge(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: MergeDto,
  ): Promise<void> {
    await this.merges.request(actor, id, body.targetId);
  }

  @Post('cycles/:id/paper-ballots')
  @ApiOperation({ summary: 'Enter a paper ballot; deduplicated against online ballots (the earlier wins)' })
  async paper(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PaperBallotDto,
  ) {
    const { outcome, ballot } = await this.ballots.enterPaper(actor, id, {
      ...body,
      castAt: new Date(body.castAt),
    });
    return {
      outcome,
      keptBallotChannel: ballot.channel,
      receipt: ballot.channel === 'paper' ? ballot.receipt : null,
    };
  }

  @Get('cycles/:id/conflicts')
  @ApiOperation({ summary: 'Paper ballots that met another ballot of the same person' })
  async conflicts(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.ballots.conflicts(actor, id);
  }

  @Post('projects/:id/updates')
  @ApiOperation({ summary: 'A dated implementation update of a winning project' })
  @ApiCreatedResponse({ type: UpdateCreatedDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ImplementationUpdateDto,
  ): Promise<UpdateCreatedDto> {
    return { id: await this.results.addUpdate(actor, id, body) };
  }

  @Post('updates/:id/photos')
  @AcceptsUploads()
  @ApiOperation({
    summary: 'Add a photo of the works to an implementation update (an image of at most 8 MB)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: PHOTO_UPLOAD_SCHEMA })
  @ApiCreatedResponse({ type: PhotoResponseDto })
  async photo(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<PhotoResponseDto> {
    return toPhotoResponse(await this.attachments.addPhoto(actor, id, requiredUploadOf(body, 'file')));
  }

  @Delete('updates/:id/photos/:photoId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a photo from an implementation update; its file is deleted and its address answers 404',
  })
  async removePhoto(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('photoId', ParseUUIDPipe) photoId: string,
  ): Promise<void> {
    await this.attachments.removePhoto(actor, id, photoId);
  }

  @Post('comments/:id/hide')
  @HttpCode(200)
  @Roles('staff', 'admin', 'moderator')
  @ApiOperation({ summary: 'Hide an abusive comment on a proposal, with a public reason' })
  async hideComment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: HideCommentDto,
  ) {
    return this.comments.hide(actor, id, body.reason);
  }

  @Post('import')
  @ApiOperation({ summary: 'Import a Pabulib .pb file as a closed, published cycle' })
  async import(@CurrentActor() actor: Actor, @Body() body: ImportPbDto) {
    return this.pb.import(actor, body.text, body.rule);
  }
}
