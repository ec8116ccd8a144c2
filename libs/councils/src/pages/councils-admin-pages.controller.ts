import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AcceptsUploads,
  Actor,
  CurrentActor,
  DomainError,
  FieldError,
  I18nService,
  MunicipalityService,
  PageRenderer,
  PageRequest,
  parseLocalizedText,
  Roles,
  requiredUploadOf,
  sendStoredFile,
  STATUS_OF_KIND,
  uploadedFileOf,
} from '@chartuloba/platform';
import type { VoteChoice } from '../domain/tally';
import { BodiesService } from '../services/bodies.service';
import { CouncilsReadService } from '../services/councils-read.service';
import { DocumentsService } from '../services/documents.service';
import { MotionsService } from '../services/motions.service';
import { SessionsService } from '../services/sessions.service';
import { AdminIndexPage, EMPTY, FormState, ManageSessionPage, NewSessionPage } from './admin.pages';

type Form = Record<string, unknown>;

/** A `datetime-local` value is Tbilisi time (UTC+4 all year; Georgia keeps no daylight saving). */
function tbilisiInstant(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
    ? `${value}:00+04:00`
    : undefined;
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === 'string');
  }
  return typeof value === 'string' ? [value] : [];
}

/** Staff and each body's secretary: plan, announce, agenda, documents, minutes, roll calls. */
@ApiExcludeController()
@Controller('admin/councils')
@Roles()
export class CouncilsAdminPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
    private readonly bodies: BodiesService,
    private readonly sessions: SessionsService,
    private readonly motions: MotionsService,
    private readonly read: CouncilsReadService,
    private readonly municipality: MunicipalityService,
    private readonly documentsService: DocumentsService,
  ) {}

  @Get()
  async index(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const bodies = await this.bodies.managedBy(actor);
    const [sessions, pending] = await Promise.all([
      bodies.length ? this.read.sessions(bodies.map((b) => b.id)) : Promise.resolve([]),
      this.read.pendingMotions(),
    ]);
    await this.pages.send(request, reply, (ctx) => AdminIndexPage({ ctx, bodies, sessions, pending }));
  }

  @Get(':bodyId/sessions/new')
  async newSession(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
  ): Promise<void> {
    await this.renderNew(request, reply, actor, bodyId, EMPTY);
  }

  @Post(':bodyId/sessions/new')
  async createSession(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Body() body: Form,
  ): Promise<void> {
    const title = parseLocalizedText(body, 'title');
    const place = parseLocalizedText(body, 'place');
    const values = { ...body, title, place };
    const startsAt = tbilisiInstant(body.startsAt);
    if (!startsAt) {
      const t = this.i18n.translator(request.locale ?? this.i18n.defaultLocale);
      const errors = [{ field: 'startsAt', message: t('platform.validation.required') }];
      await this.renderNew(request, reply, actor, bodyId, { values, errors }, 400);
      return;
    }
    const fieldSettlementId =
      typeof body.fieldSettlementId === 'string' && body.fieldSettlementId
        ? body.fieldSettlementId
        : undefined;
    try {
      const session = await this.sessions.create(actor, bodyId, {
        title,
        place,
        startsAt,
        fieldSettlementId,
      });
      await this.pages.redirect(
        reply,
        `/admin/councils/sessions/${session.id}`,
        'councils.flash.session-planned',
      );
    } catch (error) {
      const errors = this.formErrors(request, error, 'title');
      await this.renderNew(request, reply, actor, bodyId, { values, errors }, this.statusOf(error));
    }
  }

  @Get('sessions/:id')
  async manage(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.renderManage(request, reply, actor, id, EMPTY);
  }

  @Post('sessions/:id/announce')
  async announce(
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.sessions.announce(actor, id);
    await this.pages.redirect(reply, `/admin/councils/sessions/${id}`, 'councils.flash.announced');
  }

  @Post('sessions/:id/cancel')
  async cancel(
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.sessions.cancel(actor, id);
    await this.pages.redirect(reply, `/admin/councils/sessions/${id}`, 'councils.flash.cancelled');
  }

  @Post('sessions/:id/agenda')
  async agenda(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
  ): Promise<void> {
    const motionId = typeof body.motionId === 'string' && body.motionId ? body.motionId : undefined;
    await this.attempt(request, reply, actor, id, 'itemTitle', () =>
      this.sessions.addAgendaItem(actor, id, { title: parseLocalizedText(body, 'itemTitle'), motionId }),
    );
  }

  /** A multipart form: the title per language and the PDF (`docFile`). */
  @Post('sessions/:id/documents')
  @AcceptsUploads()
  async documents(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
  ): Promise<void> {
    const title = parseLocalizedText(body, 'docTitle');
    await this.attempt(
      request,
      reply,
      actor,
      id,
      'docFile',
      () =>
        this.documentsService.add(
          actor,
          id,
          { title, file: requiredUploadOf(body, 'docFile') },
          { title: 'docTitle', file: 'docFile' },
        ),
      'councils.flash.document-added',
      { docTitle: title },
    );
  }

  @Post('sessions/:id/documents/:documentId/remove')
  async removeDocument(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ): Promise<void> {
    await this.attempt(
      request,
      reply,
      actor,
      id,
      'documents',
      () => this.documentsService.remove(actor, id, documentId),
      'councils.flash.document-removed',
    );
  }

  /** Staff read a paper before the session is public; never cached by shared caches. */
  @Get('sessions/:id/documents/:documentId')
  async document(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ): Promise<void> {
    const { file, bytes } = await this.documentsService.managedDocument(actor, id, documentId);
    await sendStoredFile(request, reply, file, bytes, 'private');
  }

  /** A multipart form: minutes text, attendance, decisions and optionally the signed PDF (`minutesPdf`). */
  @Post('sessions/:id/minutes')
  @AcceptsUploads()
  async minutes(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
  ): Promise<void> {
    const agenda = (await this.read.session(id)).agenda;
    await this.attempt(
      request,
      reply,
      actor,
      id,
      'minutes',
      () =>
        this.sessions.publishMinutes(
          actor,
          id,
          {
            text: parseLocalizedText(body, 'minutes'),
            presentMemberIds: strings(body.present),
            decisions: agenda
              .map((item, index) => ({
                agendaItemId: item.id,
                decision: parseLocalizedText(body, `decision-${index}`),
              }))
              .filter((d) => Object.keys(d.decision).length > 0),
          },
          new Date(),
          uploadedFileOf(body, 'minutesPdf'),
        ),
      'councils.flash.minutes-published',
      { minutes: parseLocalizedText(body, 'minutes') },
    );
  }

  @Post('sessions/:id/motions/:motionId/roll-call')
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
    await this.attempt(
      request,
      reply,
      actor,
      id,
      'roll-call',
      () => this.motions.rollCall(actor, motionId, votes),
      'councils.flash.roll-call',
    );
  }

  @Post('sessions/:id/motions/:motionId/decide')
  async decide(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('motionId', ParseUUIDPipe) motionId: string,
  ): Promise<void> {
    await this.attempt(
      request,
      reply,
      actor,
      id,
      'decide',
      () => this.motions.decide(actor, motionId),
      'councils.flash.decided',
    );
  }

  /** Runs a form action; a refused one re-renders the session page with the problem next to its field. */
  private async attempt(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    sessionId: string,
    field: string,
    work: () => Promise<unknown>,
    flash = 'councils.flash.saved',
    values: Record<string, unknown> = {},
  ): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === 'forbidden' || error.kind === 'not-found') {
        throw error;
      }
      const form = { values, errors: this.formErrors(request, error, field) };
      await this.renderManage(request, reply, actor, sessionId, form, this.statusOf(error));
      return;
    }
    await this.pages.redirect(reply, `/admin/councils/sessions/${sessionId}`, flash);
  }

  private formErrors(request: PageRequest, error: unknown, fallback: string): FieldError[] {
    if (!(error instanceof DomainError) || error.kind === 'forbidden' || error.kind === 'not-found') {
      throw error;
    }
    const t = this.i18n.translator(request.locale ?? this.i18n.defaultLocale);
    const translated = t(error.messageKey, error.params);
    const message = translated === error.messageKey ? error.message : translated;
    return error.details?.length
      ? error.details.map((d) => ({ ...d, message }))
      : [{ field: fallback, message, constraint: error.code }];
  }

  private statusOf(error: unknown): number {
    return error instanceof DomainError ? STATUS_OF_KIND[error.kind] : 500;
  }

  private async renderNew(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    bodyId: string,
    form: FormState,
    status = 200,
  ): Promise<void> {
    const body = await this.bodies.assertManages(actor, bodyId);
    const settlements = (await this.municipality.exists()) ? await this.municipality.settlements() : [];
    await this.pages.send(request, reply, (ctx) => NewSessionPage({ ctx, body, settlements, form }), status);
  }

  private async renderManage(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    form: FormState,
    status = 200,
  ): Promise<void> {
    const view = await this.read.session(id);
    await this.bodies.assertManages(actor, view.body.id);
    const pending = await this.read.pendingMotions();
    const now = new Date();
    await this.pages.send(
      request,
      reply,
      (ctx) => ManageSessionPage({ ctx, view, pending, form, now }),
      status,
    );
  }
}
