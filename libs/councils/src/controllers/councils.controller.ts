import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, API_PREFIX, CurrentActor, Public, Roles } from '@chartuloba/platform';
import { tbilisiDate } from '../domain/deadlines';
import { AskQuestionDto, CastVoteDto, ComplianceQueryDto, toDocumentResponse } from '../dto/councils.dto';
import { BodiesService } from '../services/bodies.service';
import { CouncilsReadService } from '../services/councils-read.service';
import { MotionsService } from '../services/motions.service';
import { ReportsService } from '../services/reports.service';

/** The public face of the councils: bodies, sessions, recommendations, reports, compliance. */
@ApiTags('councils')
@Controller(`${API_PREFIX}/councils`)
export class CouncilsController {
  constructor(
    private readonly read: CouncilsReadService,
    private readonly bodies: BodiesService,
    private readonly motions: MotionsService,
    private readonly reports: ReportsService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Councils and their settings' })
  @ApiOkResponse()
  async list() {
    return this.read.bodies();
  }

  @Get('bodies/:slug')
  @Public()
  @ApiOperation({
    summary: 'One council with members, sessions (with late/missing flags), recommendations and reports',
  })
  @ApiOkResponse()
  async body(@Param('slug') slug: string) {
    const body = await this.bodies.bodyBySlug(slug);
    const [members, sessions, recommendations, reports] = await Promise.all([
      this.read.members(body.id),
      this.read.sessions([body.id]),
      this.read.recommendations(body.id),
      this.read.reports(body.id),
    ]);
    return {
      ...body,
      members: members.map(({ userId: _linked, ...member }) => member),
      sessions: sessions.map(({ session, flags }) => ({ ...session, flags })),
      recommendations,
      reports,
    };
  }

  @Get('bodies/:slug/compliance')
  @Public()
  @ApiOperation({
    summary: 'Sessions held, announcements on time, minutes and recommendations published, report published',
  })
  @ApiOkResponse()
  async compliance(@Param('slug') slug: string, @Query() query: ComplianceQueryDto) {
    const body = await this.bodies.bodyBySlug(slug);
    return this.read.compliance(body, query.year ?? Number(tbilisiDate(new Date()).slice(0, 4)));
  }

  @Get('sessions/:id')
  @Public()
  @ApiOperation({
    summary: 'A session: agenda, documents, minutes, attendance, motions with each member’s vote',
  })
  @ApiOkResponse()
  async session(@Param('id', ParseUUIDPipe) id: string) {
    const view = await this.read.session(id);
    return {
      ...view.session,
      body: { id: view.body.id, slug: view.body.slug, name: view.body.name },
      flags: view.flags,
      agenda: view.agenda,
      minutesPdfUrl: view.minutesFile ? `/councils/sessions/${view.session.id}/minutes.pdf` : null,
      documents: view.documentsPublic ? view.documents.map((d) => toDocumentResponse(d, d.file)) : [],
      attendance: view.attendance.map(({ member, present }) => ({
        memberId: member.id,
        name: member.name,
        present,
      })),
    };
  }

  @Get('reports/:id')
  @Public()
  @ApiOperation({ summary: 'A yearly report with the questions residents sent and the answers' })
  @ApiOkResponse()
  async report(@Param('id', ParseUUIDPipe) id: string) {
    const view = await this.read.report(id);
    return {
      ...view.report,
      downloadUrl: view.file ? `/councils/reports/${id}/document.pdf` : null,
      overdue: view.overdue,
      questions: view.questions.map(({ authorId: _author, ...q }) => q),
    };
  }

  @Post('reports/:id/questions')
  @Roles()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Send a question in advance for a yearly public report' })
  async ask(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AskQuestionDto,
  ) {
    const question = await this.reports.ask(actor, id, dto.question);
    return { id: question.id };
  }

  @Post('motions/:id/votes')
  @Roles('council_member')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A council member votes yes, no or abstain on a motion (once)' })
  async vote(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CastVoteDto,
  ): Promise<void> {
    await this.motions.vote(actor, id, dto.choice);
  }
}
