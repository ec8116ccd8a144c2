import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  AuditLog,
  COUNCIL_MOTIONS,
  CouncilMotionSummary,
  CouncilMotions,
  LocalizedText,
  MOTION_DECIDED,
  MotionDecidedEvent,
  MunicipalityService,
  OnDomainEvent,
  TransactionRunner,
} from '@chartuloba/platform';
import { BudgetingError, budgetingError } from '../budgeting.errors';
import { BudgetingPolicy } from '../budgeting.policy';
import { changedSettings } from '../domain/cycle-changes';
import { nextPhase, phaseDue, proposalsStarted, reviewGate, type CyclePhase } from '../domain/cycle-phase';
import { CyclesRepository, NewCycle } from '../repositories/cycles.repository';
import type { CycleRow, DistrictRow } from '../repositories/budgeting.rows';
import { assertCycleRules, CYCLE_SETTINGS, definedOnly, settingsOf } from './cycle-rules';
import { ResultsService } from './results.service';

export interface CreateCycleInput extends Omit<
  NewCycle,
  'phase' | 'imported' | 'pbMeta' | 'unitsPerCurrency' | 'currency'
> {
  /** Settlement id → budget (GEL). */
  districtBudgets: { settlementId: string; budget: number }[];
  /** The municipality-wide pot everyone votes in besides their own settlement (GEL), if any. */
  municipalBudget?: number | null;
}

/** Creating cycles and moving them through their phases, including the council's say on the shortlist. */
@Injectable()
export class CyclesService {
  private readonly logger = new Logger(CyclesService.name);

  constructor(
    private readonly cycles: CyclesRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly municipality: MunicipalityService,
    private readonly results: ResultsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(COUNCIL_MOTIONS) private readonly council?: CouncilMotions,
  ) {}

  async create(actor: Actor, input: CreateCycleInput): Promise<CycleRow> {
    BudgetingPolicy.assert(actor, 'cycles.manage');
    const named = await this.municipality.settlements();
    assertCycleRules(input, new Set(named.map((s) => s.id)));
    return this.transactions.run(async () => {
      const id = await this.cycles.insertCycle({ ...input, unitsPerCurrency: 1, currency: 'GEL' });
      await this.writeDistricts(id, input, named);
      await this.audit.record({
        action: 'budgeting.cycle-created',
        subject: { type: 'budgeting-cycle', id },
        summary: `Participatory budgeting cycle created (${input.totalBudget} GEL, ${input.ballotType}, ${input.outcomeRule})`,
        data: { totalBudget: input.totalBudget, districts: input.districtBudgets.length },
      });
      return (await this.cycles.findCycle(id))!;
    });
  }

  /**
   * Edits a cycle. Before proposals start anything may change; after, only the title and the rules text
   * (typos, a translation), because residents have already acted on the budget, villages, ballot, outcome
   * rule, eligibility and dates: each such change is refused on its own field. Every edit is audited.
   */
  async update(
    actor: Actor,
    id: string,
    changes: Partial<CreateCycleInput>,
    now = new Date(),
  ): Promise<CycleRow> {
    BudgetingPolicy.assert(actor, 'cycles.manage');
    const named = await this.municipality.settlements();
    return this.transactions.run(async () => {
      const cycle = await this.cycles.findCycle(id, true);
      if (!cycle) {
        throw budgetingError('budgeting.not-found', 'not-found', 'No such cycle');
      }
      if (cycle.imported) {
        throw budgetingError('budgeting.wrong-phase', 'conflict', 'An imported cycle is a closed record');
      }
      const current = settingsOf(cycle, await this.cycles.districts(id));
      const next: CreateCycleInput = { ...current, ...definedOnly(changes) };
      const changed = changedSettings(current, next, CYCLE_SETTINGS);
      const started = proposalsStarted(cycle, now);
      const locked = started ? changed.filter((f) => f !== 'title' && f !== 'rules') : [];
      if (locked.length) {
        const message = 'Proposals have started: only the title and the rules text may still be corrected';
        throw new BudgetingError(
          'budgeting.rules-locked',
          'conflict',
          message,
          locked.map((field) => ({ field, message, constraint: 'budgeting.rules-locked' })),
        );
      }
      if (!changed.length) {
        return cycle;
      }
      assertCycleRules(next, new Set(named.map((s) => s.id)));
      await this.cycles.updateCycle(id, next);
      if (
        changed.includes('districtBudgets') ||
        changed.includes('municipalBudget') ||
        changed.includes('totalBudget')
      ) {
        await this.writeDistricts(id, next, named);
      }
      await this.audit.record({
        action: 'budgeting.cycle-updated',
        subject: { type: 'budgeting-cycle', id },
        summary: `Participatory budgeting cycle edited (${changed.join(', ')})${started ? ' after proposals started' : ''}`,
        data: { changed, started },
      });
      return (await this.cycles.findCycle(id))!;
    });
  }

  /** A cycle's villages and their budgets, plus the municipality-wide pot; kept rows keep their ids. */
  private async writeDistricts(
    cycleId: string,
    input: CreateCycleInput,
    named: { id: string; name: LocalizedText }[],
  ): Promise<void> {
    const pot = input.municipalBudget ?? (input.districtBudgets.length === 0 ? input.totalBudget : null);
    const whole: LocalizedText | null = pot ? (await this.municipality.current()).name : null;
    await this.cycles.setDistricts(cycleId, [
      ...input.districtBudgets.map((d) => ({
        settlementId: d.settlementId,
        name: named.find((s) => s.id === d.settlementId)!.name,
        budget: d.budget,
      })),
      ...(pot && whole ? [{ settlementId: null, name: whole, budget: pot }] : []),
    ]);
  }

  async get(id: string): Promise<CycleRow> {
    const cycle = await this.cycles.findCycle(id);
    if (!cycle) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such cycle');
    }
    return cycle;
  }

  async list(): Promise<CycleRow[]> {
    return this.cycles.listCycles();
  }

  async districts(cycleId: string): Promise<DistrictRow[]> {
    return this.cycles.districts(cycleId);
  }

  /** Moves the cycle to its next phase after checking the gate of the phase it leaves. */
  async advance(actor: Actor, id: string): Promise<CycleRow> {
    BudgetingPolicy.assert(actor, 'cycles.manage');
    return this.transactions.run(async () => {
      const cycle = await this.cycles.findCycle(id, true);
      if (!cycle) {
        throw budgetingError('budgeting.not-found', 'not-found', 'No such cycle');
      }
      const next = cycle.imported ? null : nextPhase(cycle.phase, cycle.needsCouncil);
      if (!next) {
        throw budgetingError(
          'budgeting.wrong-phase',
          'conflict',
          `A cycle in ${cycle.phase} cannot be moved on`,
        );
      }
      await this.moveOn(cycle, next, 'staff');
      return (await this.cycles.findCycle(id))!;
    });
  }

  /**
   * The recurring job: cycles whose dates say they should be in the next phase are moved on, with the same
   * gates and the same tally as the manual advance. A cycle whose review is unfinished waits for staff.
   */
  async advanceDue(now = new Date()): Promise<number> {
    let moved = 0;
    for (const id of await this.cycles.dueToAdvance(now)) {
      try {
        await this.transactions.run(async () => {
          const cycle = await this.cycles.findCycle(id, true);
          const next = cycle ? phaseDue(cycle, now) : null;
          if (!cycle || !next) {
            return;
          }
          await this.moveOn(cycle, next, 'dates');
          moved += 1;
        });
      } catch (error) {
        if (!(error instanceof BudgetingError)) {
          throw error;
        }
        this.logger.warn(`cycle ${id} not moved on by its dates: ${error.message}`);
      }
    }
    return moved;
  }

  private async moveOn(cycle: CycleRow, next: CyclePhase, by: 'staff' | 'dates'): Promise<void> {
    if (cycle.phase === 'review') {
      const gate = reviewGate(await this.cycles.reviewCounts(cycle.id));
      if (gate) {
        throw budgetingError(
          `budgeting.${gate}`,
          'conflict',
          gate === 'review-pending' ? 'Some proposals are not reviewed yet' : 'No proposal is shortlisted',
        );
      }
    }
    if (next === 'council') {
      await this.askCouncil(cycle);
    }
    if (next === 'tallied') {
      await this.results.tallyCycle(cycle);
    }
    await this.cycles.setPhase(cycle.id, next);
    await this.audit.record({
      ...(by === 'dates' ? { actor: null } : {}),
      action: 'budgeting.phase-changed',
      subject: { type: 'budgeting-cycle', id: cycle.id },
      summary: `Cycle moved from ${cycle.phase} to ${next}${by === 'dates' ? ' at its date' : ''}`,
      data: { from: cycle.phase, to: next, by },
    });
  }

  /** The council motion the shortlist was sent as, and where it stands, when the councils lib is there. */
  async motionOf(cycle: CycleRow): Promise<CouncilMotionSummary | null> {
    return this.council && cycle.needsCouncil ? this.council.statusOf('budgeting', cycle.id) : null;
  }

  private async askCouncil(cycle: CycleRow): Promise<void> {
    if (!this.council) {
      // Without the councils lib the decision is still awaited as the event, e.g. recorded by an operator.
      this.logger.warn(`no council-motion port: cycle ${cycle.id} waits for ${MOTION_DECIDED}`);
      return;
    }
    const shortlist = await this.cycles.projects(cycle.id, ['shortlisted']);
    const motion = await this.council.propose({
      originLib: 'budgeting',
      originId: cycle.id,
      title: cycle.title,
      summary: { en: `Shortlist of ${shortlist.length} projects for participatory budgeting` },
      link: `${this.config.publicUrl}/budgeting/${cycle.id}`,
    });
    await this.cycles.setCouncil(cycle.id, motion.motionId, null);
  }

  /** The Sakrebulo decided on a shortlist: adopted opens voting, rejected blocks it. */
  @OnDomainEvent(MOTION_DECIDED)
  async onMotionDecided(event: MotionDecidedEvent): Promise<void> {
    if (event.originLib !== 'budgeting') {
      return;
    }
    const cycle = await this.cycles.findCycle(event.originId, true);
    if (!cycle || cycle.phase !== 'council') {
      return;
    }
    const phase = event.outcome === 'adopted' ? 'voting' : 'council-rejected';
    await this.cycles.setCouncil(cycle.id, event.motionId, event.outcome);
    await this.cycles.setPhase(cycle.id, phase);
    await this.audit.record({
      actor: null,
      action: 'budgeting.council-decided',
      subject: { type: 'budgeting-cycle', id: cycle.id },
      summary: `The council ${event.outcome} the shortlist (${event.votes.yes} for, ${event.votes.no} against)`,
      data: { motionId: event.motionId, outcome: event.outcome, votes: event.votes },
    });
  }
}
