import { Inject, Injectable } from '@nestjs/common';
import { Actor, APP_CONFIG, AppConfig, AuditLog, TransactionRunner } from '@chartuloba/platform';
import { budgetingError } from '../budgeting.errors';
import { BudgetingPolicy } from '../budgeting.policy';
import type { TallyElection } from '../domain/tally-election.model';
import { isTallyRule, type TallyRule } from '../domain/tally.rules';
import {
  PbParseError,
  pbColumn,
  pbMinProjectScore,
  pbRule,
  PbTable,
  type PbElection,
} from '../pabulib/pb-election.model';
import { parsePb } from '../pabulib/pb-file.parser';
import { writePb } from '../pabulib/pb-file.writer';
import { BallotsRepository } from '../repositories/ballots.repository';
import { CyclesRepository } from '../repositories/cycles.repository';
import type { CycleRow } from '../repositories/budgeting.rows';
import { receiptOf } from './receipts';
import { ResultsService } from './results.service';

/** Money in integer units as a `.pb` decimal (`12345` with 100 units per currency → `123.45`). */
function decimal(units: number, unitsPerCurrency: number): string {
  if (unitsPerCurrency === 1) {
    return String(units);
  }
  const digits = String(unitsPerCurrency).length - 1;
  const whole = Math.floor(units / unitsPerCurrency);
  const rest = String(units % unitsPerCurrency).padStart(digits, '0');
  return `${whole}.${rest}`;
}

/**
 * Pabulib `.pb` files in and out: an imported file becomes a closed, published cycle (for demos and
 * research); any cycle's district exports as anonymised ballots plus results, so anyone can recompute them.
 */
@Injectable()
export class PbExchangeService {
  constructor(
    private readonly cycles: CyclesRepository,
    private readonly ballots: BallotsRepository,
    private readonly results: ResultsService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async import(actor: Actor | null, text: string, rule?: TallyRule): Promise<CycleRow> {
    if (actor) {
      BudgetingPolicy.assert(actor, 'cycles.manage');
    }
    let pb: PbElection;
    try {
      pb = parsePb(text);
    } catch (error) {
      if (error instanceof PbParseError) {
        throw budgetingError('budgeting.pb-invalid', 'invalid', error.message, 'file', {
          message: error.message,
        });
      }
      throw error;
    }
    const { election, meta } = pb;
    const outcomeRule = rule ?? pbRule(pb) ?? 'greedy';
    if (!isTallyRule(outcomeRule)) {
      throw budgetingError('budgeting.invalid', 'invalid', 'Unknown outcome rule', 'rule');
    }
    const minScore = pbMinProjectScore(pb);
    const name = [meta['unit'], meta['subunit'], meta['instance']].filter(Boolean).join(' ');
    const nameColumn = pbColumn(pb.projects, 'name');
    return this.transactions.run(async () => {
      const cycleId = await this.cycles.insertCycle({
        title: { en: `${name} (Pabulib)` },
        rules: { en: meta['description'] ?? 'Imported from a Pabulib .pb file' },
        unitsPerCurrency: election.unitsPerCurrency,
        currency: meta['currency'] ?? '',
        totalBudget: election.budget,
        maxProjectCost: null,
        categories: [],
        proposeRequiresResident: false,
        minVoterAge: 0,
        ballotType: election.ballotKind === 'cumulative' ? 'cumulative' : 'approval',
        ballotK: null,
        ballotPoints: null,
        outcomeRule,
        minScore: outcomeRule === 'greedy-threshold' ? (minScore ?? 0) : null,
        tieBreak: 'project-id',
        needsCouncil: false,
        proposalsFrom: null,
        reviewFrom: null,
        votingFrom: null,
        votingUntil: null,
        phase: 'voting',
        imported: true,
        pbMeta: meta,
      });
      const districtId = await this.cycles.insertDistrict({
        cycleId,
        settlementId: null,
        name: { en: name },
        budget: election.budget,
      });
      const projectIds: string[] = [];
      for (const [i, project] of election.projects.entries()) {
        const title =
          (nameColumn === undefined ? undefined : pb.projects.rows[i]?.[nameColumn]) ?? project.id;
        projectIds.push(
          await this.cycles.insertProject({
            cycleId,
            districtId,
            code: project.id,
            authorId: null,
            title: { en: title || project.id },
            description: {},
            category: null,
            location: null,
            estimatedCost: project.cost,
            status: 'shortlisted',
          }),
        );
      }
      const rows: { key: string; receipt: string; projects: string[]; points: number[] | null }[] = [];
      for (const ballot of election.ballots) {
        for (let copy = 0; copy < (ballot.weight ?? 1); copy++) {
          const key = `pb:${rows.length + 1}`;
          rows.push({
            key,
            receipt: receiptOf(this.config.appSecret, `${cycleId}:${key}`),
            projects: ballot.projects.map((p) => projectIds[p]!),
            points:
              election.ballotKind === 'cumulative'
                ? [...(ballot.points ?? ballot.projects.map(() => 1))]
                : null,
          });
        }
      }
      await this.ballots.insertImported(cycleId, districtId, rows);
      const cycle = (await this.cycles.findCycle(cycleId))!;
      await this.results.tallyCycle(cycle);
      await this.cycles.setPhase(cycleId, 'published');
      await this.audit.record({
        actor: actor ?? null,
        action: 'budgeting.pb-imported',
        subject: { type: 'budgeting-cycle', id: cycleId },
        summary: `Pabulib election ${name} imported as a closed cycle (${rows.length} ballots)`,
        data: { projects: election.projects.length, ballots: rows.length },
      });
      return (await this.cycles.findCycle(cycleId))!;
    });
  }

  /** One district as a `.pb` file: voters numbered in receipt order, never linked to residents. */
  async export(actor: Actor | undefined, cycleId: string, districtId: string): Promise<string> {
    const cycle = await this.cycles.findCycle(cycleId);
    const district = (await this.cycles.districts(cycleId)).find((d) => d.id === districtId);
    if (!cycle || !district) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such cycle or district');
    }
    if (cycle.phase !== 'published' && !BudgetingPolicy.can(actor, 'cycles.manage')) {
      throw budgetingError('budgeting.wrong-phase', 'forbidden', 'Ballots are published with the results');
    }
    const { election, projects } = await this.results.electionOf(cycle, district);
    const stored = (await this.cycles.results(cycleId)).find((r) => r.districtId === districtId)?.result;
    const cumulative = cycle.ballotType === 'cumulative';
    const code = new Map(projects.map((p) => [p.id, p.code]));
    const ballots = await this.ballots.anonymised(cycleId, districtId);
    const meta: Record<string, string> = {
      description: `Participatory budgeting: ${cycle.title.en ?? cycle.title.ka ?? cycle.id}`,
      country: cycle.imported ? (cycle.pbMeta?.['country'] ?? '') : 'Georgia',
      unit: cycle.imported ? (cycle.pbMeta?.['unit'] ?? '') : (district.name.en ?? district.name.ka ?? ''),
      instance: String((cycle.votingFrom ?? cycle.createdAt).getUTCFullYear()),
      num_projects: String(projects.length),
      num_votes: String(ballots.length),
      budget: decimal(district.budget, cycle.unitsPerCurrency),
      vote_type: cumulative ? 'cumulative' : 'approval',
      rule: cycle.outcomeRule,
      currency: cycle.currency,
      ...(cycle.minScore === null ? {} : { min_project_score_threshold: String(cycle.minScore) }),
      ...(cycle.ballotType === 'k-approval' && cycle.ballotK ? { max_length: String(cycle.ballotK) } : {}),
      ...(cumulative && cycle.ballotPoints ? { max_sum_points: String(cycle.ballotPoints) } : {}),
    };
    const projectRows = projects.map((p, i) => [
      p.code,
      decimal(p.estimatedCost, cycle.unitsPerCurrency),
      String(stored?.projects[i]?.votes ?? 0),
      p.title.en ?? p.title.ka ?? p.code,
      ...(stored ? [stored.selected.includes(p.code) ? '1' : '0'] : []),
    ]);
    const voteRows = ballots.map((b, i) => {
      const ids = b.projects.map((id) => code.get(id)).filter((c): c is string => c !== undefined);
      return cumulative
        ? [String(i + 1), ids.join(','), (b.points ?? []).join(',')]
        : [String(i + 1), ids.join(',')];
    });
    const pb: PbElection = {
      meta,
      projects: new PbTable(
        ['project_id', 'cost', 'votes', 'name', ...(stored ? ['selected'] : [])],
        projectRows,
      ),
      votes: new PbTable(cumulative ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'], voteRows),
      election: election as TallyElection,
    };
    return writePb(pb);
  }
}
