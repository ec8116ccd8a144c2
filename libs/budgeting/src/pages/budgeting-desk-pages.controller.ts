import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  CurrentActor,
  EMPTY_FORM,
  FieldError,
  FormState,
  formValues,
  I18nService,
  PageRenderer,
  PageRequest,
  parseLocalizedText,
  Roles,
  Translate,
  validateForm,
} from '@chartuloba/platform';
import { ImplementationUpdateDto, MergeDto, PaperBallotDto, ReviewDto } from '../dto/budgeting.dto';
import type { BallotChoice } from '../domain/ballot-rules';
import type { ProjectRow } from '../repositories/budgeting.rows';
import { BallotsService, type PaperOutcome } from '../services/ballots.service';
import { CyclesService } from '../services/cycles.service';
import { ProposalsService } from '../services/proposals.service';
import { ResultsService } from '../services/results.service';
import { ImplementationPage, PAPER_OUTCOMES, PaperEntryPage } from './admin/admin-entry.pages';
import { ReviewPage, type ProjectForm } from './admin/admin-review.pages';
import { formErrorsOf, tbilisiTime } from './budgeting-staff-pages.controller';

type Form = Record<string, unknown>;

/** `P001 P003` (or `P001=3 P002=2` on cumulative ballots) as ballot choices; an unknown code is kept as is. */
export function choicesFromCodes(text: string, projects: ProjectRow[]): BallotChoice[] {
  const byCode = new Map(projects.map((p) => [p.code.toUpperCase(), p.id]));
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((token) => {
      const [code = '', points] = token.split(/[=:]/);
      const projectId = byCode.get(code.toUpperCase()) ?? code;
      return points === undefined ? { projectId } : { projectId, points: Number(points) };
    });
}

/** Per-project forms share one page: their fields carry the project id so labels and errors stay apart. */
function suffixed(errors: FieldError[], id: string, map: Record<string, string> = {}): FieldError[] {
  return errors.map((e) => {
    const base = e.field.split('.')[0] ?? e.field;
    return { ...e, field: `${map[base] ?? base}-${id}` };
  });
}

/** Staff desk of one cycle: the review queue, paper ballot entry and implementation updates. */
@ApiExcludeController()
@Controller('admin/budgeting')
@Roles('staff', 'admin')
export class BudgetingDeskPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
    private readonly cycles: CyclesService,
    private readonly proposals: ProposalsService,
    private readonly ballots: BallotsService,
    private readonly results: ResultsService,
  ) {}

  private t(request: PageRequest): Translate {
    return this.i18n.translator(request.locale ?? this.i18n.defaultLocale);
  }

  @Get(':id/review')
  async review(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.renderReview(request, reply, id);
  }

  @Post('projects/:projectId/review')
  async decide(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('projectId', ParseUUIDPipe) projectId: string,
    @Body() body: Form,
  ): Promise<void> {
    const project = await this.proposals.project(projectId);
    const shown = formValues(body);
    const input = {
      ...formValues(body, ['decision', 'costEstimate']),
      feasible: body['feasible'] === 'yes',
      legal: body['legal'] === 'yes',
      reason: parseLocalizedText(body, `reason-${projectId}`),
    };
    const t = this.t(request);
    const checked = await validateForm(ReviewDto, input, t);
    let errors = checked.errors;
    if (checked.value) {
      const dto = checked.value;
      const review = { feasible: dto.feasible, legal: dto.legal, costEstimate: dto.costEstimate };
      try {
        await this.proposals.review(
          actor,
          projectId,
          dto.decision === 'shortlist'
            ? { decision: 'shortlist', review }
            : { decision: 'reject', review, reason: dto.reason ?? {} },
        );
        await this.pages.redirect(
          reply,
          `/admin/budgeting/${project.cycleId}/review`,
          dto.decision === 'shortlist'
            ? 'budgeting.staff.flash-shortlisted'
            : 'budgeting.staff.flash-rejected',
        );
        return;
      } catch (error) {
        errors = formErrorsOf(error, t, 'review');
      }
    }
    const form = {
      projectId,
      values: shown,
      errors: suffixed(errors ?? [], projectId, { feasible: 'review', legal: 'review' }),
    };
    await this.renderReview(request, reply, project.cycleId, form, 400);
  }

  @Post('projects/:projectId/merge')
  async merge(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('projectId', ParseUUIDPipe) projectId: string,
    @Body() body: Form,
  ): Promise<void> {
    const project = await this.proposals.project(projectId);
    const t = this.t(request);
    const checked = await validateForm(MergeDto, formValues(body, ['targetId']), t);
    let errors = checked.errors;
    if (checked.value) {
      try {
        await this.proposals.requestMerge(actor, projectId, checked.value.targetId);
        await this.pages.redirect(
          reply,
          `/admin/budgeting/${project.cycleId}/review`,
          'budgeting.staff.flash-merge',
        );
        return;
      } catch (error) {
        errors = formErrorsOf(error, t, 'targetId');
      }
    }
    const form = { projectId, values: {}, errors: suffixed(errors ?? [], projectId, { review: 'targetId' }) };
    await this.renderReview(request, reply, project.cycleId, form, 400);
  }

  @Get(':id/paper')
  async paperForm(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('district') district?: string,
    @Query('entered') entered?: string,
    @Query('outcome') outcome?: string,
  ): Promise<void> {
    const known = PAPER_OUTCOMES.find((o) => o === outcome);
    const last = entered && known ? { paperNumber: entered.slice(0, 40), outcome: known } : undefined;
    await this.renderPaper(request, reply, id, district, EMPTY_FORM, last);
  }

  @Post(':id/paper')
  async paper(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
  ): Promise<void> {
    const shown = formValues(body);
    const cycle = await this.cycles.get(id);
    const projects = await this.proposals.list(id);
    const choices = choicesFromCodes(shown['choices'] ?? '', projects);
    const input = {
      ...formValues(body, ['districtId', 'paperNumber', 'personalNumber']),
      castAt: tbilisiTime(body['castAt']) ?? new Date().toISOString(),
      choices,
    };
    const t = this.t(request);
    const checked = await validateForm(PaperBallotDto, input, t);
    let errors = checked.errors?.map((e) =>
      e.field.startsWith('choices') ? { ...e, field: 'projects' } : e,
    );
    if (checked.value) {
      try {
        const { outcome } = await this.ballots.enterPaper(actor, cycle.id, {
          ...checked.value,
          castAt: new Date(checked.value.castAt),
        });
        const query = new URLSearchParams({
          district: checked.value.districtId,
          entered: checked.value.paperNumber,
          outcome,
        });
        await this.pages.redirect(reply, `/admin/budgeting/${id}/paper?${query.toString()}`);
        return;
      } catch (error) {
        errors = formErrorsOf(error, t, 'paperNumber');
      }
    }
    await this.renderPaper(
      request,
      reply,
      id,
      shown['districtId'],
      { values: shown, errors: errors ?? [] },
      undefined,
      400,
    );
  }

  @Get(':id/implementation')
  async implementation(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.renderImplementation(request, reply, id);
  }

  @Post('projects/:projectId/updates')
  async update(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('projectId', ParseUUIDPipe) projectId: string,
    @Body() body: Form,
  ): Promise<void> {
    const project = await this.proposals.project(projectId);
    const shown = formValues(body);
    const input = {
      ...formValues(body, ['status', 'progress', 'spent', 'photoUrl']),
      note: parseLocalizedText(body, `note-${projectId}`),
    };
    const t = this.t(request);
    const checked = await validateForm(ImplementationUpdateDto, input, t);
    let errors = checked.errors;
    if (checked.value && !Object.keys(checked.value.note).length) {
      errors = [{ field: 'note', message: t('platform.validation.required') }];
    } else if (checked.value) {
      try {
        await this.results.addUpdate(actor, projectId, checked.value);
        await this.pages.redirect(
          reply,
          `/admin/budgeting/${project.cycleId}/implementation`,
          'budgeting.staff.flash-update',
        );
        return;
      } catch (error) {
        errors = formErrorsOf(error, t, 'note');
      }
    }
    const form = { projectId, values: shown, errors: suffixed(errors ?? [], projectId) };
    await this.renderImplementation(request, reply, project.cycleId, form, 400);
  }

  private async renderReview(
    request: PageRequest,
    reply: FastifyReply,
    id: string,
    form?: ProjectForm,
    status = 200,
  ): Promise<void> {
    const cycle = await this.cycles.get(id);
    const [districts, projects] = [await this.cycles.districts(id), await this.proposals.list(id)];
    await this.pages.send(
      request,
      reply,
      (ctx) => ReviewPage({ ctx, cycle, districts, projects, form }),
      status,
    );
  }

  private async renderPaper(
    request: PageRequest,
    reply: FastifyReply,
    id: string,
    districtId: string | undefined,
    form: FormState,
    last?: { paperNumber: string; outcome: PaperOutcome },
    status = 200,
  ): Promise<void> {
    const cycle = await this.cycles.get(id);
    const districts = await this.cycles.districts(id);
    const district = districts.find((d) => d.id === districtId) ?? districts[0];
    const projects = (await this.proposals.list(id)).filter(
      (p) => p.status === 'shortlisted' && p.districtId === district?.id,
    );
    await this.pages.send(
      request,
      reply,
      (ctx) => PaperEntryPage({ ctx, cycle, districts, district, projects, form, last }),
      status,
    );
  }

  private async renderImplementation(
    request: PageRequest,
    reply: FastifyReply,
    id: string,
    form?: ProjectForm,
    status = 200,
  ): Promise<void> {
    const cycle = await this.cycles.get(id);
    const funded = new Set(
      (await this.results.results(request.actor, cycle)).flatMap((r) => r.result.selected),
    );
    const projects =
      cycle.phase === 'published' ? (await this.proposals.list(id)).filter((p) => funded.has(p.code)) : [];
    await this.pages.send(
      request,
      reply,
      (ctx) => ImplementationPage({ ctx, cycle, projects, form }),
      status,
    );
  }
}
