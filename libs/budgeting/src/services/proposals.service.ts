import { Injectable } from '@nestjs/common';
import { Actor, AuditLog, LocalizedText, TransactionRunner } from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { budgetingError } from '../budgeting.errors';
import { BudgetingPolicy } from '../budgeting.policy';
import { withinWindow } from '../domain/cycle-phase';
import { CyclesRepository } from '../repositories/cycles.repository';
import { AttachmentsService, type AttachmentFields, type AttachmentInput } from './attachments.service';
import type { CycleRow, ProjectReview, ProjectRow } from '../repositories/budgeting.rows';

export interface ProposeInput {
  districtId: string;
  title: LocalizedText;
  description: LocalizedText;
  category?: string | null;
  location?: string | null;
  estimatedCost: number;
  /** A sketch, site photo or quote sent with the proposal (more may be added on its page). */
  attachment?: AttachmentInput;
}

export type ReviewInput =
  | { decision: 'shortlist'; review: ProjectReview }
  | { decision: 'reject'; review?: ProjectReview; reason: LocalizedText };

/** Residents propose and support; staff review, shortlist and reject with reasons (merging: MergesService). */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly cycles: CyclesRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly identity: IdentityFacade,
    private readonly attachments: AttachmentsService,
  ) {}

  private async cycleIn(cycleId: string, phase: CycleRow['phase']): Promise<CycleRow> {
    const cycle = await this.cycles.findCycle(cycleId);
    if (!cycle) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such cycle');
    }
    if (cycle.phase !== phase) {
      throw budgetingError('budgeting.wrong-phase', 'conflict', `This can only be done during ${phase}`);
    }
    return cycle;
  }

  async propose(
    actor: Actor,
    cycleId: string,
    input: ProposeInput,
    now = new Date(),
    attachmentFields: AttachmentFields = { file: 'attachment', caption: 'attachmentCaption' },
  ): Promise<ProjectRow> {
    const cycle = await this.cycleIn(cycleId, 'proposals');
    if (!withinWindow(cycle.proposalsFrom, cycle.reviewFrom, now)) {
      throw budgetingError(
        'budgeting.proposals-closed',
        'conflict',
        'Proposals are accepted only during the proposal period',
      );
    }
    if (cycle.proposeRequiresResident && !(await this.identity.isResidentVerified(actor.id))) {
      throw budgetingError('budgeting.not-resident', 'forbidden', 'Only verified residents may propose');
    }
    const district = (await this.cycles.districts(cycleId)).find((d) => d.id === input.districtId);
    if (!district) {
      throw budgetingError(
        'budgeting.district-unknown',
        'invalid',
        'Choose a district of this cycle',
        'districtId',
      );
    }
    if (input.category && !cycle.categories.some((c) => c.key === input.category)) {
      throw budgetingError(
        'budgeting.category-unknown',
        'invalid',
        'Choose one of the categories',
        'category',
      );
    }
    const limit = Math.min(cycle.maxProjectCost ?? Infinity, district.budget);
    if (input.estimatedCost > limit) {
      throw budgetingError(
        'budgeting.cost-too-high',
        'invalid',
        `A project may cost at most ${limit} ${cycle.currency}`,
        'estimatedCost',
        { max: limit },
      );
    }
    return this.transactions.run(async () => {
      const id = await this.cycles.insertProject({
        cycleId,
        districtId: district.id,
        authorId: actor.id,
        title: input.title,
        description: input.description,
        category: input.category ?? null,
        location: input.location ?? null,
        estimatedCost: input.estimatedCost,
      });
      await this.audit.record({
        action: 'budgeting.proposed',
        subject: { type: 'budgeting-project', id },
        summary: `Project proposed in cycle ${cycleId}`,
        data: { cycleId, districtId: district.id, estimatedCost: input.estimatedCost },
      });
      // In the same transaction: a refused file leaves no proposal behind, so the form can be sent again.
      if (input.attachment) {
        await this.attachments.store(actor, id, input.attachment, attachmentFields);
      }
      return (await this.cycles.findProject(id))!;
    });
  }

  /** Every proposal of a cycle, rejected ones with their public reasons. */
  async list(cycleId: string): Promise<ProjectRow[]> {
    return this.cycles.projects(cycleId);
  }

  async project(id: string): Promise<ProjectRow> {
    const project = await this.cycles.findProject(id);
    if (!project) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such project');
    }
    return project;
  }

  async support(actor: Actor, projectId: string): Promise<void> {
    const project = await this.project(projectId);
    await this.cycleIn(project.cycleId, 'proposals');
    await this.transactions.run(async () => {
      await this.cycles.support(projectId, actor.id);
      await this.audit.record({
        action: 'budgeting.supported',
        subject: { type: 'budgeting-project', id: projectId },
        summary: 'A resident supported the proposal',
      });
    });
  }

  async review(actor: Actor, projectId: string, input: ReviewInput): Promise<ProjectRow> {
    BudgetingPolicy.assert(actor, 'proposals.review');
    const project = await this.project(projectId);
    await this.cycleIn(project.cycleId, 'review');
    if (input.decision === 'reject' && !Object.values(input.reason).some((t) => t?.trim())) {
      throw budgetingError(
        'budgeting.reason-missing',
        'invalid',
        'A rejection needs public reasons',
        'reason',
      );
    }
    if (input.decision === 'shortlist' && (!input.review.feasible || !input.review.legal)) {
      throw budgetingError(
        'budgeting.not-shortlistable',
        'invalid',
        'Only a feasible and legal project can be shortlisted',
        'review',
      );
    }
    return this.transactions.run(async () => {
      await this.cycles.reviewProject(
        projectId,
        input.decision === 'shortlist' ? 'shortlisted' : 'rejected',
        input.review ?? null,
        input.decision === 'reject' ? input.reason : null,
      );
      await this.audit.record({
        action: input.decision === 'shortlist' ? 'budgeting.shortlisted' : 'budgeting.rejected',
        subject: { type: 'budgeting-project', id: projectId },
        summary: input.decision === 'shortlist' ? 'Project shortlisted after review' : 'Project rejected',
        data: { review: input.review ?? null },
      });
      return (await this.cycles.findProject(projectId))!;
    });
  }
}
