import { Injectable } from '@nestjs/common';
import { Actor, AuditLog } from '@chartuloba/platform';
import { allowedFrom, nextStatus, PetitionTransition } from '../domain/lifecycle';
import { PetitionError } from '../petitions.errors';
import type { PetitionNotice } from '../petitions.jobs';
import type { Petition } from '../repositories/petition.row';
import { PetitionsRepository } from '../repositories/petitions.repository';
import { PetitionNotifier } from './petition-notifier';

/**
 * Applies one lifecycle step: the conditional update (so racing steps have one winner), the audit entry
 * and the notice, all in the caller's transaction.
 */
@Injectable()
export class PetitionTransitions {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly audit: AuditLog,
    private readonly notifier: PetitionNotifier,
  ) {}

  async apply(
    petition: Petition,
    transition: PetitionTransition,
    changes: Partial<Petition>,
    options: {
      actor?: Actor | null;
      summary: string;
      notice?: PetitionNotice;
      data?: Record<string, unknown>;
    },
  ): Promise<Petition> {
    const to = nextStatus(petition.status, transition);
    const updated = to
      ? await this.petitions.transition(petition.id, allowedFrom(transition), { ...changes, status: to })
      : null;
    if (!updated) {
      throw new PetitionError(
        'petitions.invalid-transition',
        'conflict',
        `A petition that is ${petition.status} cannot ${transition}`,
        undefined,
        { status: petition.status },
      );
    }
    await this.audit.record({
      actor: options.actor,
      action: `petitions.${transition}`,
      subject: { type: 'petition', id: petition.id },
      summary: options.summary,
      data: { from: petition.status, to: updated.status, ...options.data },
    });
    if (options.notice) {
      await this.notifier.enqueue(
        petition.id,
        options.notice,
        options.notice === 'returned' ? String(updated.updatedAt.getTime()) : '',
      );
    }
    return updated;
  }
}
