import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AcceptsUploads,
  Actor,
  CurrentActor,
  DomainError,
  FieldError,
  I18nService,
  parseLocalizedText,
  Locale,
  PageRenderer,
  PageRequest,
  Public,
  Roles,
  STATUS_OF_KIND,
  uploadedFileOf,
} from '@chartuloba/platform';
import { budgetingError } from '../budgeting.errors';
import type { BallotChoice } from '../domain/ballot-rules';
import type { CycleRow, DistrictRow } from '../repositories/budgeting.rows';
import { CyclesRepository } from '../repositories/cycles.repository';
import { BallotsService } from '../services/ballots.service';
import { ProposalsService } from '../services/proposals.service';
import { CyclesService } from '../services/cycles.service';
import { ResultsService } from '../services/results.service';
import {
  BallotPage,
  CycleListPage,
  CyclePage,
  ProposePage,
  ReceiptPage,
  ResultsPage,
} from './budgeting.pages';

/** Ballot choices from a posted form: `project` checkboxes (one value or many) and `points.<id>` fields. */
export function choicesOf(body: Record<string, unknown>, cumulative: boolean): BallotChoice[] {
  const raw = body['project'];
  const ids = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
    (v): v is string => typeof v === 'string',
  );
  if (!cumulative) {
    return ids.map((projectId) => ({ projectId }));
  }
  // For cumulative ballots a project counts when it gets points, ticked or not.
  const byPoints = Object.entries(body)
    .filter(([key, value]) => key.startsWith('points.') && String(value).trim() !== '')
    .map(([key, value]) => ({ projectId: key.slice('points.'.length), points: Number(value) }))
    .filter((c) => c.points !== 0);
  return byPoints;
}

const MONEY_PARAMS = new Set(['budget', 'total', 'over']);

function moneyText(i18n: I18nService, locale: Locale, cycle: CycleRow, units: number): string {
  return cycle.currency === 'GEL' && cycle.unitsPerCurrency === 1
    ? i18n.formatGel(locale, units * 100)
    : `${i18n.formatNumber(locale, units / cycle.unitsPerCurrency)} ${cycle.currency}`;
}

@ApiExcludeController()
@Controller('budgeting')
export class BudgetingPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
    private readonly cycles: CyclesService,
    private readonly repository: CyclesRepository,
    private readonly ballots: BallotsService,
    private readonly results: ResultsService,
    private readonly proposals: ProposalsService,
  ) {}

  @Get()
  @Public()
  async list(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    const cycles = await this.cycles.list();
    await this.pages.send(request, reply, (ctx) => CycleListPage({ ctx, cycles }));
  }

  @Get('receipt')
  @Public()
  async receipt(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Query('code') code?: string,
  ): Promise<void> {
    const check = code?.trim() ? await this.ballots.checkReceipt(code) : undefined;
    await this.pages.send(request, reply, (ctx) => ReceiptPage({ ctx, code: code ?? '', check }));
  }

  @Get(':id')
  @Public()
  async show(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor?: Actor,
  ): Promise<void> {
    const cycle = await this.cycles.get(id);
    const districts = await this.cycles.districts(id);
    const projects = await this.repository.projects(id);
    const votable = actor ? await this.ballots.districtsOf(actor, cycle) : [];
    await this.pages.send(request, reply, (ctx) => CyclePage({ ctx, cycle, districts, projects, votable }));
  }

  @Get(':id/results')
  @Public()
  async resultsPage(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor?: Actor,
  ): Promise<void> {
    const cycle = await this.cycles.get(id);
    const [districts, projects, results, updates, photos] = [
      await this.cycles.districts(id),
      await this.repository.projects(id, ['shortlisted']),
      await this.results.results(actor, cycle),
      await this.repository.updates(id),
      await this.results.photos(id),
    ];
    await this.pages.send(request, reply, (ctx) =>
      ResultsPage({ ctx, cycle, districts, projects, results, updates, photos }),
    );
  }

  @Get(':id/propose')
  @Roles()
  async proposeForm(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const cycle = await this.cycles.get(id);
    const districts = await this.cycles.districts(id);
    await this.pages.send(request, reply, (ctx) => ProposePage({ ctx, cycle, districts, values: {} }));
  }

  /** A multipart form: the proposal and, optionally, one file with its caption (`attachment`). */
  @Post(':id/propose')
  @Roles()
  @AcceptsUploads()
  async propose(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const form = body ?? {};
    const values = Object.fromEntries(
      Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    const title = parseLocalizedText(form, 'title');
    const description = parseLocalizedText(form, 'description');
    const cost = Number(values['estimatedCost']);
    const file = uploadedFileOf(form, 'attachment');
    const locale = request.locale ?? this.i18n.defaultLocale;
    const t = this.i18n.translator(locale);
    const errors: FieldError[] = [];
    if (Object.keys(title).length === 0) {
      errors.push({ field: 'title', message: t('platform.validation.required') });
    }
    if (!Number.isSafeInteger(cost) || cost < 1) {
      errors.push({ field: 'estimatedCost', message: t('platform.validation.not-a-number') });
    }
    if (!errors.length) {
      try {
        await this.proposals.propose(actor, id, {
          districtId: values['districtId'] ?? '',
          title,
          description,
          category: values['category'] || null,
          location: values['location'] || null,
          estimatedCost: cost,
          attachment: file ? { file, caption: values['attachmentCaption'] ?? null } : undefined,
        });
        await this.pages.redirect(reply, `/budgeting/${id}`, 'budgeting.propose.flash');
        return;
      } catch (error) {
        if (!(error instanceof DomainError)) {
          throw error;
        }
        const message = t(error.messageKey, error.params);
        errors.push(...(error.details?.map((d) => ({ ...d, message })) ?? [{ field: 'title', message }]));
      }
    }
    const cycle = await this.cycles.get(id);
    const districts = await this.cycles.districts(id);
    await this.pages.send(
      request,
      reply,
      (ctx) => ProposePage({ ctx, cycle, districts, values, title, description, errors }),
      400,
    );
  }

  @Post('projects/:projectId/support')
  @Roles()
  async support(
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('projectId', ParseUUIDPipe) projectId: string,
  ): Promise<void> {
    await this.proposals.support(actor, projectId);
    const project = await this.proposals.project(projectId);
    await this.pages.redirect(
      reply,
      `/budgeting/${project.cycleId}#project-${project.code}`,
      'budgeting.project.flash-supported',
    );
  }

  @Get(':id/vote/:districtId')
  @Roles()
  async ballot(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('districtId', ParseUUIDPipe) districtId: string,
  ): Promise<void> {
    const { cycle, district } = await this.ballotContext(actor, id, districtId);
    const ballot = await this.ballots.myBallot(actor, id, districtId);
    const chosen = new Map((ballot?.projects ?? []).map((p, i) => [p, ballot?.points?.[i] ?? 1]));
    await this.renderBallot(request, reply, cycle, district, { ballot, chosen });
  }

  @Post(':id/vote/:districtId')
  @Roles()
  async vote(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('districtId', ParseUUIDPipe) districtId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const { cycle, district } = await this.ballotContext(actor, id, districtId);
    const choices = choicesOf(body ?? {}, cycle.ballotType === 'cumulative');
    try {
      await this.ballots.vote(actor, id, districtId, choices);
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw error;
      }
      const locale = request.locale ?? this.i18n.defaultLocale;
      const t = this.i18n.translator(locale);
      // Amounts in the message read as money in the page's language, like the running total above it.
      const params = Object.fromEntries(
        Object.entries(error.params).map(([key, value]) =>
          MONEY_PARAMS.has(key) && typeof value === 'number'
            ? [key, moneyText(this.i18n, locale, cycle, value)]
            : [key, value],
        ),
      );
      const message = t(error.messageKey, params);
      const errors: FieldError[] = [{ field: 'projects', message, constraint: error.code }];
      const chosen = new Map(choices.map((c) => [c.projectId, c.points ?? 1]));
      await this.renderBallot(
        request,
        reply,
        cycle,
        district,
        { ballot: null, chosen, errors },
        STATUS_OF_KIND[error.kind],
      );
      return;
    }
    await this.pages.redirect(reply, `/budgeting/${id}/vote/${districtId}`, 'budgeting.vote.flash-stored');
  }

  private async ballotContext(
    actor: Actor,
    id: string,
    districtId: string,
  ): Promise<{ cycle: CycleRow; district: DistrictRow }> {
    const cycle = await this.cycles.get(id);
    const district = (await this.ballots.districtsOf(actor, cycle)).find((d) => d.id === districtId);
    if (!district) {
      throw budgetingError('budgeting.district-unknown', 'forbidden', 'You do not vote in this district');
    }
    if (cycle.phase !== 'voting') {
      throw budgetingError('budgeting.wrong-phase', 'conflict', 'Voting is not open');
    }
    return { cycle, district };
  }

  private async renderBallot(
    request: PageRequest,
    reply: FastifyReply,
    cycle: CycleRow,
    district: DistrictRow,
    state: {
      ballot: Awaited<ReturnType<BallotsService['myBallot']>>;
      chosen: Map<string, number>;
      errors?: FieldError[];
    },
    status = 200,
  ): Promise<void> {
    const projects = (await this.repository.projects(cycle.id, ['shortlisted'])).filter(
      (p) => p.districtId === district.id,
    );
    await this.pages.send(
      request,
      reply,
      (ctx) => BallotPage({ ctx, cycle, district, projects, ...state }),
      status,
    );
  }
}
