import { Injectable } from '@nestjs/common';
import { Actor, AuditLog, LocalizedText, TransactionRunner } from '@chartuloba/platform';
import { budgetingError } from '../budgeting.errors';
import { BudgetingPolicy } from '../budgeting.policy';
import type { TallyBallot, TallyElection } from '../domain/tally-election.model';
import { tally, type TallyResult } from '../domain/tally.rules';
import { byProjectId, type TieBreak } from '../domain/tie-break.model';
import { BallotsRepository } from '../repositories/ballots.repository';
import { AttachmentsService, type FileInput, type PhotoView } from './attachments.service';
import { CyclesRepository } from '../repositories/cycles.repository';
import type {
  CycleRow,
  DistrictRow,
  ImplementationStatus,
  ProjectRow,
  StoredResult,
  UpdateRow,
} from '../repositories/budgeting.rows';

/** Our cycles' documented tie-break: the cheaper project first (more money left for others), then the code. */
export const cheaperFirst: TieBreak = (a, b) => a.cost - b.cost || byProjectId(a, b);

export interface DistrictElection {
  election: TallyElection;
  projects: ProjectRow[];
}

export interface UpdateInput {
  status: ImplementationStatus;
  progress: number;
  spent: number;
  note: LocalizedText;
}

/** The tally of a cycle from its stored ballots, the published results, and implementation tracking. */
@Injectable()
export class ResultsService {
  constructor(
    private readonly cycles: CyclesRepository,
    private readonly ballots: BallotsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly attachments: AttachmentsService,
  ) {}

  /** One district's election as the tally sees it: shortlisted projects by code and weighted ballots. */
  async electionOf(cycle: CycleRow, district: DistrictRow): Promise<DistrictElection> {
    const projects = (await this.cycles.projects(cycle.id, ['shortlisted'])).filter(
      (p) => p.districtId === district.id,
    );
    const index = new Map(projects.map((p, i) => [p.id, i]));
    const cumulative = cycle.ballotType === 'cumulative';
    const ballots: TallyBallot[] = [];
    for (const row of await this.ballots.grouped(cycle.id, district.id)) {
      const chosen: number[] = [];
      const points: number[] = [];
      row.projects.forEach((id, i) => {
        const at = index.get(id);
        if (at !== undefined) {
          chosen.push(at);
          points.push(row.points?.[i] ?? 1);
        }
      });
      ballots.push(
        cumulative
          ? { projects: chosen, points, weight: row.weight }
          : { projects: chosen, weight: row.weight },
      );
    }
    return {
      projects,
      election: {
        budget: district.budget,
        unitsPerCurrency: cycle.unitsPerCurrency,
        projects: projects.map((p) => ({ id: p.code, cost: p.estimatedCost })),
        ballots,
        ballotKind: cumulative ? 'cumulative' : 'approval',
      },
    };
  }

  tallyElection(cycle: CycleRow, election: TallyElection): TallyResult {
    return tally(cycle.outcomeRule, election, {
      tieBreak: cycle.tieBreak === 'project-id' ? byProjectId : cheaperFirst,
      ...(cycle.minScore === null ? {} : { minScore: cycle.minScore }),
    });
  }

  /** Tallies every district and stores the results (called when voting closes, in that transaction). */
  async tallyCycle(cycle: CycleRow): Promise<void> {
    for (const district of await this.cycles.districts(cycle.id)) {
      const { election } = await this.electionOf(cycle, district);
      const result = this.tallyElection(cycle, election);
      await this.cycles.saveResult(cycle.id, district.id, result);
      await this.audit.record({
        action: 'budgeting.tallied',
        subject: { type: 'budgeting-cycle', id: cycle.id },
        summary: `District tallied with ${cycle.outcomeRule}: ${result.selected.length} projects, ${result.voters} voters`,
        data: { districtId: district.id, selected: result.selected, budgetUsed: result.budgetUsed },
      });
    }
  }

  /** Stored results; before publication only staff see them. */
  async results(actor: Actor | undefined, cycle: CycleRow): Promise<StoredResult[]> {
    if (cycle.phase !== 'published' && !BudgetingPolicy.can(actor, 'cycles.manage')) {
      return [];
    }
    return this.cycles.results(cycle.id);
  }

  async receipts(cycle: CycleRow, districtId: string): Promise<string[]> {
    return cycle.phase === 'published' ? this.ballots.receipts(cycle.id, districtId) : [];
  }

  /** A cycle's implementation updates, newest first. */
  async updates(cycleId: string): Promise<UpdateRow[]> {
    return this.cycles.updates(cycleId);
  }

  /** Photos of a cycle's implementation updates, by update. */
  async photos(cycleId: string): Promise<Map<string, PhotoView[]>> {
    return this.attachments.photosOfCycle(cycleId);
  }

  /** A dated update of a winning project, with a photo of the works if staff took one (`photoField` for errors). */
  async addUpdate(
    actor: Actor,
    projectId: string,
    input: UpdateInput,
    photo?: FileInput,
    photoField = 'photo',
  ): Promise<string> {
    BudgetingPolicy.assert(actor, 'projects.track');
    const project = await this.cycles.findProject(projectId);
    if (!project) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such project');
    }
    const cycle = (await this.cycles.findCycle(project.cycleId))!;
    const selected = (await this.cycles.results(cycle.id)).some((r) =>
      r.result.selected.includes(project.code),
    );
    if (cycle.phase !== 'published' || !selected) {
      throw budgetingError(
        'budgeting.wrong-phase',
        'conflict',
        'Only winning projects of a published cycle are tracked',
      );
    }
    if (!Number.isInteger(input.progress) || input.progress < 0 || input.progress > 100) {
      throw budgetingError('budgeting.invalid', 'invalid', 'Progress is 0 to 100', 'progress');
    }
    return this.transactions.run(async () => {
      const id = await this.cycles.addUpdate({
        projectId,
        status: input.status,
        progress: input.progress,
        spent: input.spent,
        note: input.note,
      });
      await this.audit.record({
        action: 'budgeting.implementation-updated',
        subject: { type: 'budgeting-project', id: projectId },
        summary: `Implementation: ${input.status}, ${input.progress}%, ${input.spent} spent`,
        data: { updateId: id },
      });
      if (photo) {
        await this.attachments.storePhoto(actor, id, photo, photoField);
      }
      return id;
    });
  }
}
