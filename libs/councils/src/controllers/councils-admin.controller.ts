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
  parseLocalizedText,
  requiredUploadOf,
  Roles,
} from '@chartuloba/platform';
import {
  AddAgendaItemDto,
  AddMemberDto,
  AnswerQuestionDto,
  AnswerRecommendationDto,
  BodySettingsDto,
  CreateBodyDto,
  CreateRecommendationDto,
  CreateReportDto,
  CreateSessionDto,
  DOCUMENT_UPLOAD_SCHEMA,
  DocumentResponseDto,
  PublishMinutesDto,
  PublishReportDto,
  REPORT_UPLOAD_SCHEMA,
  RollCallDto,
  toDocumentResponse,
} from '../dto/councils.dto';
import { BodiesService } from '../services/bodies.service';
import { CouncilsReadService } from '../services/councils-read.service';
import { DocumentsService } from '../services/documents.service';
import { MotionsService } from '../services/motions.service';
import { ReportsService } from '../services/reports.service';
import { SessionsService } from '../services/sessions.service';

/** Staff, and each body's secretary for their body (the services check which). */
@ApiTags('councils-admin')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/admin/councils`)
@Roles()
export class CouncilsAdminController {
  constructor(
    private readonly bodies: BodiesService,
    private readonly sessions: SessionsService,
    private readonly motions: MotionsService,
    private readonly reports: ReportsService,
    private readonly read: CouncilsReadService,
    private readonly documents: DocumentsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Add a council or commission' })
  async createBody(@CurrentActor() actor: Actor, @Body() dto: CreateBodyDto) {
    return this.bodies.create(actor, dto);
  }

  @Patch(':bodyId')
  @ApiOperation({
    summary: 'Change lead time, minutes due, response days, quorum and majority rules, regulations',
  })
  async settings(
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Body() dto: BodySettingsDto,
  ) {
    return this.bodies.updateSettings(actor, bodyId, dto);
  }

  @Post(':bodyId/members')
  @ApiOperation({ summary: 'Add a member (a linked account or a named person) with role and term' })
  async addMember(
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Body() dto: AddMemberDto,
  ) {
    return this.bodies.addMember(actor, bodyId, dto);
  }

  @Post(':bodyId/sessions')
  @ApiOperation({ summary: 'Plan a session (or a field session in a village)' })
  async createSession(
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Body() dto: CreateSessionDto,
  ) {
    return this.sessions.create(actor, bodyId, dto);
  }

  @Post(':bodyId/recommendations')
  @ApiOperation({ summary: 'Publish a recommendation with its addressee, responsible unit and deadline' })
  async recommend(
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Body() dto: CreateRecommendationDto,
  ) {
    return this.bodies.addRecommendation(actor, bodyId, dto);
  }

  @Post(':bodyId/reports')
  @ApiOperation({
    summary: 'Schedule a yearly report (the body’s, or the Mayor’s or a member’s public report)',
  })
  async createReport(
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Body() dto: CreateReportDto,
  ) {
    return this.reports.create(actor, bodyId, dto);
  }

  @Get('motions/pending')
  @ApiOperation({ summary: 'Motions other libs put before the council, waiting for an agenda' })
  async pending() {
    return this.read.pendingMotions();
  }

  @Post('sessions/:id/announce')
  @ApiOperation({ summary: 'Publish the announcement of a session now' })
  async announce(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.sessions.announce(actor, id);
  }

  @Post('sessions/:id/cancel')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel a session' })
  async cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.sessions.cancel(actor, id);
  }

  @Post('sessions/:id/agenda')
  @ApiOperation({ summary: 'Add an agenda item, or put a pending motion on the agenda' })
  async agenda(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddAgendaItemDto,
  ) {
    return this.sessions.addAgendaItem(actor, id, dto);
  }

  @Post('sessions/:id/documents')
  @AcceptsUploads()
  @ApiOperation({ summary: 'Upload a session document (a PDF of at most 20 MB)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: DOCUMENT_UPLOAD_SCHEMA })
  @ApiCreatedResponse({ type: DocumentResponseDto })
  async document(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<DocumentResponseDto> {
    const { document, file } = await this.documents.add(actor, id, {
      title: parseLocalizedText(body, 'title'),
      file: requiredUploadOf(body, 'file'),
    });
    return toDocumentResponse(document, file);
  }

  @Delete('sessions/:id/documents/:documentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a wrongly uploaded document (before the session is held)' })
  async removeDocument(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ): Promise<void> {
    await this.documents.remove(actor, id, documentId);
  }

  @Post('sessions/:id/minutes')
  @ApiOperation({ summary: 'Publish (or correct) the minutes, attendance and decisions per agenda item' })
  async minutes(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PublishMinutesDto,
  ) {
    return this.sessions.publishMinutes(actor, id, dto);
  }

  @Post('motions/:id/roll-call')
  @HttpCode(204)
  @ApiOperation({ summary: 'The secretary records a roll call of members’ votes' })
  async rollCall(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RollCallDto,
  ): Promise<void> {
    await this.motions.rollCall(actor, id, dto.votes);
  }

  @Post('motions/:id/decide')
  @ApiOperation({
    summary: 'Close the vote: tally by the body’s rules and deliver the result to the originating lib',
  })
  async decide(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.motions.decide(actor, id);
  }

  @Post('recommendations/:id/answer')
  @ApiOperation({ summary: 'Record the addressee’s answer (answered or implemented)' })
  async answerRecommendation(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AnswerRecommendationDto,
  ) {
    return this.bodies.answerRecommendation(actor, id, dto);
  }

  @Post('reports/:id/publish')
  @ApiOperation({ summary: 'Publish a yearly report' })
  async publishReport(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PublishReportDto,
  ) {
    return this.reports.publish(actor, id, dto);
  }

  /** The staff page's publish form over the API: the same service call, the PDF stored with the report. */
  @Post('reports/:id/publish-with-document')
  @AcceptsUploads()
  @ApiOperation({ summary: 'Publish a yearly report with its PDF (at most 20 MB)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: REPORT_UPLOAD_SCHEMA })
  async publishReportWithDocument(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const file = requiredUploadOf(body, 'file');
    return this.reports.publish(
      actor,
      id,
      { text: parseLocalizedText(body, 'text') },
      new Date(),
      file,
      'file',
    );
  }

  @Post('questions/:id/answer')
  @HttpCode(204)
  @ApiOperation({ summary: 'Answer a resident’s question to a yearly report' })
  async answerQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AnswerQuestionDto,
  ): Promise<void> {
    await this.reports.answer(actor, id, dto.answer);
  }
}
