import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  CurrentActor,
  EMPTY_FORM,
  FormDone,
  FormState,
  formValues,
  I18nService,
  LOCALES,
  MunicipalityService,
  PageRenderer,
  PageRequest,
  parseLocalizedText,
  pickText,
  Roles,
  submitForm,
  Translate,
} from '@chartuloba/platform';
import { CreateCycleDto, cycleInputOf, ImportPbDto } from '../dto/budgeting.dto';
import { proposalsStarted } from '../domain/cycle-phase';
import type { CycleRow, DistrictRow } from '../repositories/budgeting.rows';
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
const TBILISI_OFFSET_MS = 4 * 60 * 60 * 1000;

/** A `datetime-local` value is the clerk's wall clock in Georgia (UTC+4, no daylight saving). */
export function tbilisiTime(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
    ? `${value}:00+04:00`
    : typeof value === 'string' && value.trim()
      ? value
      : undefined;
}

/** The other way: a stored instant as the `datetime-local` value a clerk in Georgia would have typed. */
function tbilisiLocal(date: Date | null): string | undefined {
  return date ? new Date(date.getTime() + TBILISI_OFFSET_MS).toISOString().slice(0, 16) : undefined;
}

/** The posted cycle form as the CreateCycleDto input; empty rows (villages, categories) are left out. */
function cycleFormInput(body: Form, settlementIds: string[]): Record<string, unknown> {
  const shown = formValues(body);
  return {
    ...formValues(body, CYCLE_SCALARS),
    ...Object.fromEntries(CYCLE_DATES.map((name) => [name, tbilisiTime(body[name])])),
    title: parseLocalizedText(body, 'title'),
    rules: parseLocalizedText(body, 'rules'),
    districtBudgets: settlementIds
      .filter((id) => shown[`district.${id}`] !== undefined)
      .map((id) => ({ settlementId: id, budget: shown[`district.${id}`] })),
    categories: Array.from({ length: CATEGORY_ROWS }, (_, i) => i)
      .filter((i) => shown[`cat.${i}.key`]?.trim())
      .map((i) => ({ key: shown[`cat.${i}.key`]!.trim(), name: parseLocalizedText(body, `cat.${i}`) })),
    proposeRequiresResident: body['proposeRequiresResident'] === 'yes',
    needsCouncil: body['needsCouncil'] === 'yes',
  };
}

/** A stored cycle as the values of its form, so editing starts from what is in force. */
function cycleFormValues(cycle: CycleRow, districts: DistrictRow[]): Record<string, string> {
  const values: Record<string, string> = {};
  const put = (name: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') {
      values[name] = String(value);
    }
  };
  for (const locale of LOCALES) {
    put(`title.${locale}`, cycle.title[locale]);
    put(`rules.${locale}`, cycle.rules[locale]);
  }
  for (const name of CYCLE_SCALARS) {
    put(name, name === 'municipalBudget' ? null : cycle[name]);
  }
  const settled = districts.filter((d) => d.settlementId);
  for (const d of settled) {
    put(`district.${d.settlementId}`, d.budget);
  }
  // The whole-municipality pot a cycle without villages gets by itself is not a pot staff typed in.
  const pot = districts.find((d) => !d.settlementId);
  put('municipalBudget', pot && (settled.length || pot.budget !== cycle.totalBudget) ? pot.budget : null);
  cycle.categories.slice(0, CATEGORY_ROWS).forEach((c, i) => {
    put(`cat.${i}.key`, c.key);
    for (const locale of LOCALES) {
      put(`cat.${i}.${locale}`, c.name[locale]);
    }
  });
  put('proposeRequiresResident', cycle.proposeRequiresResident ? 'yes' : null);
  put('needsCouncil', cycle.needsCouncil ? 'yes' : null);
  for (const name of CYCLE_DATES) {
    put(name, tbilisiLocal(cycle[name]));
  }
  return values;
}

/** Staff: the list of cycles, creating and editing one with all its rules, and importing a Pabulib file. */
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
    return this.pages.translator(request);
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
    const refused = await submitForm(this.pages, reply, this.t(request), {
      dto: ImportPbDto,
      input: values,
      fallbackField: 'text',
      act: async ({ text, rule }) => {
        const cycle = await this.pb.import(actor, text, rule);
        return { location: `/admin/budgeting/${cycle.id}`, flash: 'budgeting.staff.flash-imported' };
      },
    });
    if (refused) {
      // The parser names the whole file; on this page the file is the pasted text.
      const errors = refused.errors.map((e) => (e.field === 'file' ? { ...e, field: 'text' } : e));
      await this.renderList(request, reply, { values, errors }, 400);
    }
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
    await this.submitCycle(request, reply, body, async (dto) => {
      const cycle = await this.cycles.create(actor, cycleInputOf(dto));
      return { location: `/admin/budgeting/${cycle.id}`, flash: 'budgeting.staff.flash-created' };
    });
  }

  @Get(':id/edit')
  async editForm(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const cycle = await this.cycles.get(id);
    const values = cycleFormValues(cycle, await this.cycles.districts(id));
    await this.renderForm(request, reply, { values, errors: [] }, 200, cycle);
  }

  @Post(':id/edit')
  async edit(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
  ): Promise<void> {
    const cycle = await this.cycles.get(id);
    await this.submitCycle(
      request,
      reply,
      body,
      async (dto) => {
        await this.cycles.update(actor, id, cycleInputOf(dto));
        return { location: `/admin/budgeting/${id}`, flash: 'budgeting.staff.flash-saved' };
      },
      cycle,
    );
  }

  /** Creating and editing post the same form; only what is done with it differs. */
  private async submitCycle(
    request: PageRequest,
    reply: FastifyReply,
    body: Form,
    act: (dto: CreateCycleDto) => Promise<FormDone>,
    cycle?: CycleRow,
  ): Promise<void> {
    const settlements = await this.municipality.settlements();
    const refused = await submitForm(this.pages, reply, this.t(request), {
      dto: CreateCycleDto,
      input: cycleFormInput(
        body,
        settlements.map((s) => s.id),
      ),
      fallbackField: 'title',
      act,
    });
    if (refused) {
      await this.renderForm(request, reply, { values: formValues(body), errors: refused.errors }, 400, cycle);
    }
  }

  private async renderList(request: PageRequest, reply: FastifyReply, importForm: FormState, status = 200) {
    const cycles = await this.cycles.list();
    await this.pages.send(request, reply, (ctx) => AdminCycleListPage({ ctx, cycles, importForm }), status);
  }

  private async renderForm(
    request: PageRequest,
    reply: FastifyReply,
    form: FormState,
    status = 200,
    cycle?: CycleRow,
  ) {
    const locale = request.locale ?? this.i18n.defaultLocale;
    const settlements = (await this.municipality.settlements()).map((s) => ({
      id: s.id,
      name: pickText(s.name, locale),
    }));
    const started = cycle ? proposalsStarted(cycle, new Date()) : false;
    await this.pages.send(
      request,
      reply,
      (ctx) => CycleFormPage({ ctx, settlements, form, cycleId: cycle?.id, started }),
      status,
    );
  }
}
