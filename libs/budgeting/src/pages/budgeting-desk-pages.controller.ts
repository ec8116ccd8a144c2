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
  PageRenderer,
  PageRequest,
  parseLocalizedText,
  Roles,
  STATUS_OF_KIND,
  submitForm,
  Translate,
} from '@chartuloba/platform';
import { MergeDto, PaperBallotDto, ReviewDto } from '../dto/budgeting.dto';
import type { BallotChoice } from '../domain/ballot-rules';
import type { ProjectRow } from '../repositories/budgeting.rows';
import { BallotsService, type PaperOutcome } from '../services/ballots.service';
import { CyclesService } from '../services/cycles.service';
import { MergesService } from '../services/merges.service';
import { ProposalsService } from '../services/proposals.service';
import { ResultsService } from '../services/results.service';
import { PAPER_OUTCOMES, PaperEntryPage } from './admin/admin-entry.pages';
import { ReviewPage, type ProjectForm } from './admin/admin-review.pages';
import { tbilisiTime } from './budgeting-staff-pages.controller';

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
export function suffixed(errors: FieldError[], id: string, map: Record<string, string> = {}): FieldError[] {
  return errors.map((e) => {
    const base = e.field.split('.')[0] ?? e.field;
    return { ...e, field: `${map[base] ?? base}-${id}` };
  });
}

/** Staff desk of one cycle: the review queue and paper ballot entry (implementation has its own). */
@ApiExcludeController()
@Controller('admin/budgeting')
@Roles('staff', 'admin')
export class BudgetingDeskPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly cycles: CyclesService,
    private readonly proposals: ProposalsService,
    private readonly ballots: BallotsService,
    private readonly results: ResultsService,
    private readonly merges: MergesService,
  ) {}

  private t(request: PageRequest): Translate {
    return this.pages.translator(request);
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
    const refused = await submitForm(this.pages, reply, this.t(request), {
      dto: ReviewDto,
      input,
      fallbackField: 'review',
      act: async (dto) => {
        const review = { feasible: dto.feasible, legal: dto.legal, costEstimate: dto.costEstimate };
        await this.proposals.review(
          actor,
          projectId,
          dto.decision === 'shortlist'
            ? { decision: 'shortlist', review }
            : { decision: 'reject', review, reason: dto.reason ?? {} },
        );
        return {
          location: `/admin/budgeting/${project.cycleId}/review`,
          flash:
            dto.decision === 'shortlist'
              ? 'budgeting.staff.flash-shortlisted'
              : 'budgeting.staff.flash-rejected',
        };
      },
    });
    if (refused) {
      const errors = suffixed(refused.errors, projectId, { feasible: 'review', legal: 'review' });
      await this.renderReview(request, reply, project.cycleId, { projectId, values: shown, errors }, 400);
    }
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
    const refused = await submitForm(this.pages, reply, this.t(request), {
      dto: MergeDto,
      input: formValues(body, ['targetId']),
      fallbackField: 'targetId',
      act: async ({ targetId }) => {
        await this.merges.request(actor, projectId, targetId);
        return {
          location: `/admin/budgeting/${project.cycleId}/review`,
          flash: 'budgeting.staff.flash-merge',
        };
      },
    });
    if (refused) {
      const errors = suffixed(refused.errors, projectId, { review: 'targetId' });
      // Outside review the refusal is a conflict (409), not a mistake in what was chosen.
      const status = refused.kind ? STATUS_OF_KIND[refused.kind] : 400;
      await this.renderReview(request, reply, project.cycleId, { projectId, values: {}, errors }, status);
    }
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
    const refused = await submitForm(this.pages, reply, this.t(request), {
      dto: PaperBallotDto,
      input,
      fallbackField: 'paperNumber',
      act: async (dto) => {
        const { outcome } = await this.ballots.enterPaper(actor, cycle.id, {
          ...dto,
          castAt: new Date(dto.castAt),
        });
        const query = new URLSearchParams({ district: dto.districtId, entered: dto.paperNumber, outcome });
        return { location: `/admin/budgeting/${id}/paper?${query.toString()}` };
      },
    });
    if (refused) {
      // The choices are typed as one line of codes, so every problem with them belongs to that line.
      const errors = refused.errors.map((e) =>
        e.field.startsWith('choices') ? { ...e, field: 'projects' } : e,
      );
      await this.renderPaper(
        request,
        reply,
        id,
        shown['districtId'],
        { values: shown, errors },
        undefined,
        400,
      );
    }
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
    const merges = await this.merges.ofCycle(request.actor!, id);
    await this.pages.send(
      request,
      reply,
      (ctx) => ReviewPage({ ctx, cycle, districts, projects, merges, form }),
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
}
