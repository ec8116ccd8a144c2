import { Injectable } from '@nestjs/common';
import { Actor, AuditLog, TransactionRunner } from '@chartuloba/platform';
import { budgetingError } from '../budgeting.errors';
import { BudgetingPolicy } from '../budgeting.policy';
import { withinWindow } from '../domain/cycle-phase';
import { COMMENT_MAX, HIDE_REASON_MAX } from '../dto/budgeting.dto';
import { CommentsRepository, type CommentRow } from '../repositories/comments.repository';
import { CyclesRepository } from '../repositories/cycles.repository';
import type { CycleRow, ProjectRow } from '../repositories/budgeting.rows';

/** Residents discuss a proposal while proposals are collected; staff hide abusive comments, saying why. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly cycles: CyclesRepository,
    private readonly comments: CommentsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  /** Comments are open exactly while the proposal phase is, so review starts from a settled thread. */
  isOpen(cycle: CycleRow, now = new Date()): boolean {
    return cycle.phase === 'proposals' && withinWindow(cycle.proposalsFrom, cycle.reviewFrom, now);
  }

  async list(projectId: string): Promise<CommentRow[]> {
    return this.comments.ofProject(projectId);
  }

  async add(actor: Actor, projectId: string, body: string, now = new Date()): Promise<string> {
    const { cycle } = await this.projectAndCycle(projectId);
    if (!this.isOpen(cycle, now)) {
      throw budgetingError(
        'budgeting.comments-closed',
        'conflict',
        'Comments are closed: the proposal period has ended',
      );
    }
    const text = body.trim();
    if (!text || text.length > COMMENT_MAX) {
      throw budgetingError(
        'budgeting.invalid',
        'invalid',
        `A comment has 1 to ${COMMENT_MAX} characters`,
        'body',
      );
    }
    return this.transactions.run(async () => {
      const id = await this.comments.insert(projectId, actor.id, actor.label, text);
      await this.audit.record({
        action: 'budgeting.commented',
        subject: { type: 'budgeting-project', id: projectId },
        summary: 'A comment on the proposal',
        data: { commentId: id },
      });
      return id;
    });
  }

  async get(commentId: string): Promise<CommentRow> {
    const comment = await this.comments.find(commentId);
    if (!comment) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such comment');
    }
    return comment;
  }

  /** Hides a comment for good; the reason is public, the hidden text stays only in the database. */
  async hide(actor: Actor, commentId: string, reason: string): Promise<CommentRow> {
    BudgetingPolicy.assert(actor, 'comments.moderate');
    const comment = await this.get(commentId);
    const text = reason.trim();
    if (!text || text.length > HIDE_REASON_MAX) {
      throw budgetingError(
        'budgeting.reason-missing',
        'invalid',
        `Give a reason of 1 to ${HIDE_REASON_MAX} characters`,
        'reason',
      );
    }
    return this.transactions.run(async () => {
      if (await this.comments.hide(commentId, actor.id, text)) {
        await this.audit.record({
          action: 'budgeting.comment-hidden',
          subject: { type: 'budgeting-comment', id: commentId },
          summary: 'A comment was hidden by a moderator',
          data: { projectId: comment.projectId, reason: text },
        });
      }
      return (await this.comments.find(commentId))!;
    });
  }

  private async projectAndCycle(projectId: string): Promise<{ project: ProjectRow; cycle: CycleRow }> {
    const project = await this.cycles.findProject(projectId);
    const cycle = project ? await this.cycles.findCycle(project.cycleId) : null;
    if (!project || !cycle) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such project');
    }
    return { project, cycle };
  }
}
