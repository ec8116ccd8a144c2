import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AcceptsUploads,
  Actor,
  CurrentActor,
  MunicipalityService,
  PageRenderer,
  PageRequest,
  parseLocalizedText,
  Roles,
  STATUS_OF_KIND,
  uploadedFileOf,
} from '@chartuloba/platform';
import { tbilisiInstant } from '../domain/deadlines';
import { BodiesService } from '../services/bodies.service';
import { CouncilsReadService } from '../services/councils-read.service';
import { SessionsService } from '../services/sessions.service';
import { EMPTY, FormState } from './admin-forms.parts';
import { AdminIndexPage, NewSessionPage } from './admin.pages';
import { isFormRefusal } from './form-refusal';
import { ManageSessionResponder } from './manage-session.responder';

type Form = Record<string, unknown>;

function strings(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === 'string');
  }
  return typeof value === 'string' ? [value] : [];
}

/**
 * Staff and each body's secretary: plan, announce, agenda and minutes. A session's papers and votes have
 * their own controllers beside this one.
 */
@ApiExcludeController()
@Controller('admin/councils')
@Roles()
export class CouncilsAdminPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly bodies: BodiesService,
    private readonly sessions: SessionsService,
    private readonly read: CouncilsReadService,
    private readonly municipality: MunicipalityService,
    private readonly responder: ManageSessionResponder,
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
      const t = this.pages.translator(request);
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
      if (!isFormRefusal(error)) {
        throw error;
      }
      const errors = this.responder.formErrors(request, error, 'title');
      await this.renderNew(request, reply, actor, bodyId, { values, errors }, STATUS_OF_KIND[error.kind]);
    }
  }

  @Get('sessions/:id')
  async manage(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.responder.render(request, reply, actor, id, EMPTY);
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
    await this.responder.attempt(request, reply, actor, id, 'itemTitle', () =>
      this.sessions.addAgendaItem(actor, id, { title: parseLocalizedText(body, 'itemTitle'), motionId }),
    );
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
    await this.responder.attempt(
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
}
