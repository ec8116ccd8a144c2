import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  AuditLog,
  MailRequest,
  MailService,
  pickText,
  TransactionRunner,
} from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { budgetingError } from '../budgeting.errors';
import { BudgetingPolicy } from '../budgeting.policy';
import type { CyclePhase } from '../domain/cycle-phase';
import { CyclesRepository } from '../repositories/cycles.repository';
import {
  MergesRepository,
  type MergeRequestRow,
  type PendingMergeRow,
} from '../repositories/merges.repository';
import type { ProjectRow } from '../repositories/budgeting.rows';

/**
 * Merging is part of reviewing what was proposed: once the cycle has moved on, the shortlist is what
 * residents vote on and a request still open is void. Callers hold the phase (holdPhase) until commit.
 */
function assertReview(phase: CyclePhase | null): void {
  if (phase !== 'review') {
    throw budgetingError(
      'budgeting.merges-closed',
      'conflict',
      'Proposals can be merged only while the cycle is in review',
    );
  }
}

/**
 * Merging two proposals with their authors' agreement: staff ask, every author of both is told by mail
 * and answers on their proposal's page (or the API). All agreeing merges; one declining ends the request.
 */
@Injectable()
export class MergesService {
  constructor(
    private readonly cycles: CyclesRepository,
    private readonly merges: MergesRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly identity: IdentityFacade,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async project(id: string): Promise<ProjectRow> {
    const project = await this.cycles.findProject(id);
    if (!project) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such project');
    }
    return project;
  }

  /** Staff propose merging `sourceId` into `targetId`; it happens once every author of both has agreed. */
  async request(actor: Actor, sourceId: string, targetId: string): Promise<void> {
    BudgetingPolicy.assert(actor, 'proposals.review');
    const [source, target] = [await this.project(sourceId), await this.project(targetId)];
    if (
      source.cycleId !== target.cycleId ||
      source.districtId !== target.districtId ||
      sourceId === targetId
    ) {
      throw budgetingError(
        'budgeting.invalid',
        'invalid',
        'Only two proposals of one district can merge',
        'targetId',
      );
    }
    const authors = [...new Set([source.authorId, target.authorId].filter((a): a is string => !!a))];
    await this.transactions.run(async () => {
      assertReview(await this.cycles.holdPhase(source.cycleId));
      const earlier = await this.merges.lock(sourceId, targetId);
      // The authors have answered this pair: asking again would look as if their "no" went unheard.
      if (earlier.some((c) => c.declinedAt)) {
        throw budgetingError('budgeting.merge-declined', 'conflict', 'An author declined this merge');
      }
      await this.merges.ask(sourceId, targetId, authors);
      await this.audit.record({
        action: 'budgeting.merge-requested',
        subject: { type: 'budgeting-project', id: sourceId },
        summary: `Merge into ${target.code} proposed; authors asked to agree`,
        data: { targetId, authors: authors.length },
      });
      await this.tell(authors, source, target);
      await this.mergeIfAgreed(sourceId, targetId);
    });
  }

  /** Each asked author's own proposal is linked; an account without e-mail sees the request on that page. */
  private async tell(authors: string[], source: ProjectRow, target: ProjectRow): Promise<void> {
    const contacts = await this.identity.contactsOf(authors);
    const mails = authors.flatMap((authorId): MailRequest[] => {
      const contact = contacts.get(authorId);
      if (!contact?.email) {
        return [];
      }
      const ownsSource = source.authorId === authorId;
      const [mine, other] = ownsSource ? [source, target] : [target, source];
      const label = (p: ProjectRow) => `${p.code} «${pickText(p.title, contact.locale)}»`;
      return [
        {
          to: contact.email,
          locale: contact.locale,
          subjectKey: 'budgeting.mail.merge.subject',
          bodyKeys: [
            ownsSource ? 'budgeting.mail.merge.yours-into' : 'budgeting.mail.merge.into-yours',
            'budgeting.mail.merge.answer',
          ],
          params: { mine: label(mine), other: label(other) },
          link: `${this.config.publicUrl}/budgeting/projects/${mine.id}#merge`,
          key: `budgeting:merge-asked:${source.id}:${target.id}:${authorId}`,
        },
      ];
    });
    await this.mail.sendMany(mails);
  }

  async agree(actor: Actor, sourceId: string, targetId: string): Promise<void> {
    await this.answer(actor, sourceId, targetId, true);
  }

  /** One author's "no" ends the request: the proposals stay separate and staff see it was declined. */
  async decline(actor: Actor, sourceId: string, targetId: string): Promise<void> {
    await this.answer(actor, sourceId, targetId, false);
  }

  private async answer(actor: Actor, sourceId: string, targetId: string, agree: boolean): Promise<void> {
    const { cycleId } = await this.project(sourceId);
    await this.transactions.run(async () => {
      // The cycle first, then the request's rows: the same order as in request(), so the two never deadlock.
      const phase = await this.cycles.holdPhase(cycleId);
      const consents = await this.merges.lock(sourceId, targetId);
      if (!consents.some((c) => c.authorId === actor.id)) {
        throw budgetingError('budgeting.forbidden', 'forbidden', 'You were not asked about this merge');
      }
      assertReview(phase);
      if (consents.some((c) => c.declinedAt)) {
        throw budgetingError('budgeting.merge-declined', 'conflict', 'An author declined this merge');
      }
      if ((await this.project(sourceId)).status === 'merged') {
        throw budgetingError('budgeting.merge-done', 'conflict', 'The proposals are already merged');
      }
      await this.merges.answer(sourceId, targetId, actor.id, agree);
      await this.audit.record({
        action: agree ? 'budgeting.merge-agreed' : 'budgeting.merge-declined',
        subject: { type: 'budgeting-project', id: sourceId },
        summary: agree ? 'An author agreed to the merge' : 'An author declined the merge',
        data: { targetId },
      });
      if (agree) {
        await this.mergeIfAgreed(sourceId, targetId);
      }
    });
  }

  private async mergeIfAgreed(sourceId: string, targetId: string): Promise<void> {
    const consents = await this.merges.lock(sourceId, targetId);
    if (consents.every((c) => c.agreedAt)) {
      await this.merges.markMerged(sourceId, targetId);
      await this.audit.record({
        action: 'budgeting.merged',
        subject: { type: 'budgeting-project', id: sourceId },
        summary: 'Proposal merged with its authors’ agreement',
        data: { targetId },
      });
    }
  }

  /** What the signed-in author still has to answer (or has agreed to) about this proposal. */
  async pendingFor(actor: Actor | undefined, projectId: string): Promise<PendingMergeRow[]> {
    return actor ? this.merges.pendingFor(projectId, actor.id) : [];
  }

  async ofCycle(actor: Actor, cycleId: string): Promise<MergeRequestRow[]> {
    BudgetingPolicy.assert(actor, 'proposals.review');
    return this.merges.ofCycle(cycleId);
  }
}
