import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  CurrentActor,
  DomainError,
  domainErrorsOf,
  EMPTY_FORM,
  FieldError,
  FormState,
  formValues,
  I18nService,
  MunicipalityService,
  PageRenderer,
  PageRequest,
  parseLocalizedText,
  pickText,
  Roles,
  Translate,
  validateForm,
} from '@chartuloba/platform';
import { CreateCycleDto, cycleInputOf, ImportPbDto } from '../dto/budgeting.dto';
import { CyclesService } from '../services/cycles.service';
import { PbExchangeService } from '../services/pb-exchange.service';
import { AdminCycleListPage, CATEGORY_ROWS, CycleFormPage } from './admin/admin-cycles.pages';

type Form = Record<string, unknown>;

const CYCLE_SCALARS = [
  'totalBudget',
  'municipalBudget',
  'maxProjectCost',
  'minVoterAge',
  'ballotType',
  'ballotK',
  'ballotPoints',
  'outcomeRule',
  'minScore',
  'tieBreak',
] as const;
const CYCLE_DATES = ['proposalsFrom', 'reviewFrom', 'votingFrom', 'votingUntil'] as const;

/** A `datetime-local` value is the clerk's wall clock in Georgia (UTC+4, no daylight saving). */
export function tbilisiTime(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
    ? `${value}:00+04:00`
    : typeof value === 'string' && value.trim()
      ? value
      : undefined;
}

/** A refused action as form errors; refusals that are not about the form are left to the error page. */
export function formErrorsOf(error: unknown, t: Translate, fallback: string): FieldError[] {
  if (!(error instanceof DomainError) || error.kind === 'forbidden' || error.kind === 'not-found') {
    throw error;
  }
  return domainErrorsOf(error, t, fallback);
}

/** Staff: the list of cycles, creating one with all its rules, and importing a Pabulib file. */
@ApiExcludeController()
@Controller('admin/budgeting')
@Roles('staff', 'admin')
export class BudgetingStaffPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
    private readonly cycles: CyclesService,
    private readonly pb: PbExchangeService,
    private readonly municipality: MunicipalityService,
  ) {}

  private t(request: PageRequest): Translate {
    return this.i18n.translator(request.locale ?? this.i18n.defaultLocale);
  }

  @Get()
  async list(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.renderList(request, reply, EMPTY_FORM);
  }

  @Post('import')
  async import(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Body() body: Form,
  ): Promise<void> {
    const values = formValues(body, ['text', 'rule']);
    const t = this.t(request);
    const checked = await validateForm(ImportPbDto, values, t);
    let errors = checked.errors;
    if (checked.value) {
      try {
        const cycle = await this.pb.import(actor, checked.value.text, checked.value.rule);
        await this.pages.redirect(reply, `/admin/budgeting/${cycle.id}`, 'budgeting.staff.flash-imported');
        return;
      } catch (error) {
        errors = formErrorsOf(error, t, 'text').map((e) => ({
          ...e,
          field: e.field === 'file' ? 'text' : e.field,
        }));
      }
    }
    await this.renderList(request, reply, { values, errors: errors ?? [] }, 400);
  }

  @Get('new')
  async newForm(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    const defaults = {
      proposeRequiresResident: 'yes',
      minVoterAge: '16',
      ballotType: 'knapsack',
      outcomeRule: 'greedy',
      tieBreak: 'cheaper-first',
    };
    await this.renderForm(request, reply, { values: defaults, errors: [] });
  }

  @Post('new')
  async create(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Body() body: Form,
  ): Promise<void> {
    const shown = formValues(body);
    const settlements = await this.municipality.settlements();
    const input = {
      ...formValues(body, CYCLE_SCALARS),
      ...Object.fromEntries(CYCLE_DATES.map((name) => [name, tbilisiTime(body[name])])),
      title: parseLocalizedText(body, 'title'),
      rules: parseLocalizedText(body, 'rules'),
      districtBudgets: settlements
        .filter((s) => shown[`district.${s.id}`] !== undefined)
        .map((s) => ({ settlementId: s.id, budget: shown[`district.${s.id}`] })),
      categories: Array.from({ length: CATEGORY_ROWS }, (_, i) => i)
        .filter((i) => shown[`cat.${i}.key`]?.trim())
        .map((i) => ({ key: shown[`cat.${i}.key`]!.trim(), name: parseLocalizedText(body, `cat.${i}`) })),
      proposeRequiresResident: body['proposeRequiresResident'] === 'yes',
      needsCouncil: body['needsCouncil'] === 'yes',
    };
    const t = this.t(request);
    const checked = await validateForm(CreateCycleDto, input, t);
    let errors = checked.errors;
    if (checked.value) {
      try {
        const cycle = await this.cycles.create(actor, cycleInputOf(checked.value));
        await this.pages.redirect(reply, `/admin/budgeting/${cycle.id}`, 'budgeting.staff.flash-created');
        return;
      } catch (error) {
        errors = formErrorsOf(error, t, 'title');
      }
    }
    await this.renderForm(request, reply, { values: shown, errors: errors ?? [] }, 400);
  }

  private async renderList(request: PageRequest, reply: FastifyReply, importForm: FormState, status = 200) {
    const cycles = await this.cycles.list();
    await this.pages.send(request, reply, (ctx) => AdminCycleListPage({ ctx, cycles, importForm }), status);
  }

  private async renderForm(request: PageRequest, reply: FastifyReply, form: FormState, status = 200) {
    const locale = request.locale ?? this.i18n.defaultLocale;
    const settlements = (await this.municipality.settlements()).map((s) => ({
      id: s.id,
      name: pickText(s.name, locale),
    }));
    await this.pages.send(request, reply, (ctx) => CycleFormPage({ ctx, settlements, form }), status);
  }
}
