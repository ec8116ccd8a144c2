import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  CurrentActor,
  DomainError,
  I18nService,
  PageRenderer,
  PageRequest,
  Public,
  Roles,
  sendStoredFile,
} from '@chartuloba/platform';
import { activeOn, CouncilsPolicy } from '../councils.policy';
import { tbilisiDate } from '../domain/deadlines';
import { ComplianceQueryDto } from '../dto/councils.dto';
import type { VoteChoice } from '../domain/tally';
import { BodiesService } from '../services/bodies.service';
import { DocumentsService } from '../services/documents.service';
import { CouncilsReadService } from '../services/councils-read.service';
import { FeedsService } from '../services/feeds.service';
import { MotionsService } from '../services/motions.service';
import { ReportsService } from '../services/reports.service';
import { BodyPage, CouncilsIndexPage } from './public-bodies.pages';
import { ReportPage } from './public-reports.pages';
import { SessionPage } from './public-sessions.pages';

/** Public pages and feeds: sessions are public, and so is every step the plan asks to publish. */
@ApiExcludeController()
@Controller('councils')
export class CouncilsPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
    private readonly read: CouncilsReadService,
    private readonly bodies: BodiesService,
    private readonly motions: MotionsService,
    private readonly reports: ReportsService,
    private readonly feeds: FeedsService,
    private readonly documents: DocumentsService,
  ) {}

  @Get()
  @Public()
  async index(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    const [bodies, sessions] = await Promise.all([this.read.bodies(), this.read.sessions()]);
    const now = new Date();
    await this.pages.send(request, reply, (ctx) => CouncilsIndexPage({ ctx, bodies, sessions, now }));
  }

  @Get('calendar.ics')
  @Public()
  async calendarAll(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.sendCalendar(reply, await this.feeds.calendar(this.locale(request)), 'councils');
  }

  @Get('feed.atom')
  @Public()
  async atom(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(await this.feeds.atom(this.locale(request)));
  }

  @Get('sessions/:id')
  @Public()
  async session(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const view = await this.read.session(id);
    const actor = request.actor;
    const today = tbilisiDate(new Date());
    const canManage = CouncilsPolicy.canManageBody(actor, view.members, today);
    const mine =
      actor && actor.roles.includes('council_member')
        ? view.members.find((m) => m.userId === actor.id && activeOn(m, today))
        : undefined;
    const now = new Date();
    await this.pages.send(request, reply, (ctx) =>
      SessionPage({ ctx, view, canManage, myMemberId: mine?.id ?? null, now }),
    );
  }

  /** A session paper, once its session is public; the file store only hands over the bytes. */
  @Get('documents/:id')
  @Public()
  async document(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const { file, bytes } = await this.documents.publicDocument(id);
    await sendStoredFile(request, reply, file, bytes);
  }

  @Get('sessions/:id/minutes.pdf')
  @Public()
  async signedMinutes(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const { file, bytes } = await this.documents.publicMinutes(id);
    await sendStoredFile(request, reply, file, bytes);
  }

  @Post('motions/:id/vote')
  @Roles('council_member')
  async vote(
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const choice = body.choice;
    if (choice !== 'yes' && choice !== 'no' && choice !== 'abstain') {
      throw new DomainError('platform.invalid-input', 'invalid', 'Choose yes, no or abstain', [
        { field: 'choice', message: 'required' },
      ]);
    }
    const motion = await this.motions.motion(id);
    await this.motions.vote(actor, id, choice as VoteChoice);
    await this.pages.redirect(reply, `/councils/sessions/${motion.sessionId ?? ''}`, 'councils.flash.voted');
  }

  @Get('reports/:id')
  @Public()
  async report(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.renderReport(request, reply, id);
  }

  @Get('reports/:id/document.pdf')
  @Public()
  async reportDocument(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const { file, bytes } = await this.reports.publicDocument(id);
    await sendStoredFile(request, reply, file, bytes);
  }

  @Post('reports/:id/questions')
  @Roles()
  async ask(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const question = typeof body.question === 'string' ? body.question.trim() : '';
    const t = this.i18n.translator(this.locale(request));
    if (question.length < 5 || question.length > 2000) {
      await this.renderReport(request, reply, id, 400, t('councils.reports.question-length'), question);
      return;
    }
    await this.reports.ask(actor, id, question);
    await this.pages.redirect(reply, `/councils/reports/${id}`, 'councils.flash.question-sent');
  }

  @Get(':slug/calendar.ics')
  @Public()
  async calendarBody(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('slug') slug: string,
  ): Promise<void> {
    const body = await this.bodies.bodyBySlug(slug);
    await this.sendCalendar(reply, await this.feeds.calendar(this.locale(request), body.id), slug);
  }

  @Get(':slug')
  @Public()
  async body(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('slug') slug: string,
    @Query() query: ComplianceQueryDto,
  ): Promise<void> {
    const body = await this.bodies.bodyBySlug(slug);
    const now = new Date();
    const thisYear = Number(tbilisiDate(now).slice(0, 4));
    const year = query.year && query.year <= thisYear ? query.year : thisYear;
    const [members, sessions, recommendations, reports, compliance] = await Promise.all([
      this.read.members(body.id),
      this.read.sessions([body.id], now),
      this.read.recommendations(body.id, now),
      this.read.reports(body.id, now),
      this.read.compliance(body, year, now),
    ]);
    await this.pages.send(request, reply, (ctx) =>
      BodyPage({ ctx, body, members, sessions, recommendations, reports, compliance, now, thisYear }),
    );
  }

  private async renderReport(
    request: PageRequest,
    reply: FastifyReply,
    id: string,
    status = 200,
    error?: string,
    question?: string,
  ): Promise<void> {
    const view = await this.read.report(id);
    const body = await this.bodies.body(view.report.bodyId);
    await this.pages.send(
      request,
      reply,
      (ctx) => ReportPage({ ctx, view, body, canAsk: !!request.actor, error, question }),
      status,
    );
  }

  private async sendCalendar(reply: FastifyReply, text: string, name: string): Promise<void> {
    await reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${name}.ics"`)
      .header('cache-control', 'public, max-age=300')
      .send(text);
  }

  private locale(request: PageRequest) {
    return request.locale ?? this.i18n.defaultLocale;
  }
}
