import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AcceptsUploads,
  Actor,
  CurrentActor,
  domainErrorsOf,
  FieldError,
  formValues,
  PageRenderer,
  PageRequest,
  parseLocalizedText,
  Roles,
  uploadedFileOf,
  validateForm,
} from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { CouncilsPolicy } from '../councils.policy';
import { tbilisiInstant } from '../domain/deadlines';
import {
  AddMemberDto,
  AnswerQuestionDto,
  AnswerRecommendationDto,
  BodySettingsDto,
  CreateRecommendationDto,
  CreateReportDto,
  PublishReportDto,
} from '../dto/councils.dto';
import { BodiesService } from '../services/bodies.service';
import { ReportsService } from '../services/reports.service';
import { CouncilsReadService } from '../services/councils-read.service';
import { AdminBodyPage, BodyForm } from './admin-body.pages';
import { isFormRefusal } from './form-refusal';

type Form = Record<string, unknown>;

/** One body's staff page: rules and members (staff); recommendations and yearly reports (staff and secretary). */
@ApiExcludeController()
@Controller('admin/councils/:bodyId')
@Roles()
export class CouncilsAdminBodyPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly bodies: BodiesService,
    private readonly read: CouncilsReadService,
    private readonly identity: IdentityFacade,
    private readonly reports: ReportsService,
  ) {}

  @Get()
  async show(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
  ): Promise<void> {
    await this.render(request, reply, actor, bodyId);
  }

  @Post('settings')
  async settings(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Body() body: Form,
  ): Promise<void> {
    const values = {
      ...formValues(body, [
        'announcementLeadDays',
        'minutesDueDays',
        'responseDays',
        'quorumRule',
        'majorityRule',
        'regulationsUrl',
      ]),
      speakRequest: parseLocalizedText(body, 'speakRequest'),
    };
    await this.submit(request, reply, actor, bodyId, 'settings', values, BodySettingsDto, (dto) =>
      this.bodies.updateSettings(actor, bodyId, dto),
    );
  }

  @Post('members')
  async members(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Body() body: Form,
  ): Promise<void> {
    const values = formValues(body, ['name', 'userId', 'role', 'termStart', 'termEnd']);
    await this.submit(request, reply, actor, bodyId, 'member', values, AddMemberDto, (dto) =>
      this.bodies.addMember(actor, bodyId, dto),
    );
  }

  @Post('recommendations')
  async recommend(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Body() body: Form,
  ): Promise<void> {
    const values = {
      ...formValues(body, ['addressee', 'issuedOn', 'responsibleUnit', 'responseDueOn']),
      text: parseLocalizedText(body, 'text'),
    };
    await this.submit(
      request,
      reply,
      actor,
      bodyId,
      'recommendation',
      values,
      CreateRecommendationDto,
      (dto) => this.bodies.addRecommendation(actor, bodyId, dto),
    );
  }

  @Post('recommendations/:id/answer')
  async answer(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
  ): Promise<void> {
    const values = {
      status: body.status,
      answeredOn: body[`answeredOn-${id}`],
      answer: parseLocalizedText(body, `answer-${id}`),
    };
    // Field names carry the recommendation id so several answer forms on one page keep distinct labels.
    const rename = (errors: FieldError[]) =>
      errors.map((e) => ({
        ...e,
        field:
          e.field === 'answeredOn' ? `answeredOn-${id}` : e.field === 'answer' ? `answer-${id}` : e.field,
      }));
    await this.submit(
      request,
      reply,
      actor,
      bodyId,
      `answer-${id}`,
      values,
      AnswerRecommendationDto,
      (dto) => this.bodies.answerRecommendation(actor, id, dto),
      rename,
      { [`answeredOn-${id}`]: values.answeredOn },
    );
  }

  /** Scheduled and announced at once: residents can send questions from then until it is published. */
  @Post('reports')
  async scheduleReport(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Body() body: Form,
  ): Promise<void> {
    const values = {
      ...formValues(body, ['kind', 'year', 'presenter']),
      title: parseLocalizedText(body, 'reportTitle'),
      place: parseLocalizedText(body, 'reportPlace'),
      scheduledAt: tbilisiInstant(body.scheduledAt),
      announce: true,
    };
    await this.submit(request, reply, actor, bodyId, 'report', values, CreateReportDto, (dto) =>
      this.reports.create(actor, bodyId, dto),
    );
  }

  /** A multipart form: the report text per language and, optionally, its PDF (`reportPdf`). */
  @Post('reports/:id/publish')
  @AcceptsUploads()
  async publishReport(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
  ): Promise<void> {
    const values = { text: parseLocalizedText(body, `report-${id}`) };
    await this.submit(
      request,
      reply,
      actor,
      bodyId,
      `report-${id}`,
      values,
      PublishReportDto,
      (dto) =>
        this.reports.publish(actor, id, dto, new Date(), uploadedFileOf(body, 'reportPdf'), 'reportPdf'),
      (errors) =>
        errors.map((e) => ({ ...e, field: e.field === 'reportPdf' ? `reportPdf-${id}` : `report-${id}` })),
    );
  }

  @Post('questions/:id/answer')
  async answerQuestion(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
  ): Promise<void> {
    const values = formValues(body, [`qa-${id}`]);
    await this.submit(
      request,
      reply,
      actor,
      bodyId,
      `qa-${id}`,
      { answer: values[`qa-${id}`] },
      AnswerQuestionDto,
      (dto) => this.reports.answer(actor, id, dto.answer),
      (errors) => errors.map((e) => ({ ...e, field: `qa-${id}` })),
    );
  }

  private async submit<T extends object>(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    bodyId: string,
    name: string,
    values: Record<string, unknown>,
    dto: new () => T,
    work: (dto: T) => Promise<unknown>,
    rename: (errors: FieldError[]) => FieldError[] = (errors) => errors,
    shown: Record<string, unknown> = values,
  ): Promise<void> {
    const t = this.pages.translator(request);
    const checked = await validateForm(dto, values, t);
    let errors: FieldError[] | undefined = checked.errors;
    if (checked.value) {
      try {
        await work(checked.value);
      } catch (error) {
        if (!isFormRefusal(error)) {
          throw error;
        }
        errors = domainErrorsOf(error, t, Object.keys(values)[0] ?? name);
      }
    }
    if (errors) {
      const form: BodyForm = { name, values: { ...values, ...shown }, errors: rename(errors) };
      await this.render(request, reply, actor, bodyId, form, 400);
      return;
    }
    await this.pages.redirect(reply, `/admin/councils/${bodyId}`, 'councils.flash.saved');
  }

  private async render(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    bodyId: string,
    form?: BodyForm,
    status = 200,
  ): Promise<void> {
    const body = await this.bodies.assertManages(actor, bodyId);
    const [members, recommendations, reports, councilAccounts] = await Promise.all([
      this.read.members(bodyId),
      this.read.recommendations(bodyId),
      this.read.reports(bodyId),
      this.identity.accountsWithRole('council_member'),
    ]);
    const canManageAll = CouncilsPolicy.canManageAll(actor);
    await this.pages.send(
      request,
      reply,
      (ctx) =>
        AdminBodyPage({ ctx, body, members, recommendations, reports, councilAccounts, canManageAll, form }),
      status,
    );
  }
}
