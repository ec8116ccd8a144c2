import { Actor, hasRole } from '@chartuloba/platform';
import { budgetingError } from './budgeting.errors';

export type BudgetingAction =
  'cycles.manage' | 'proposals.review' | 'ballots.enter-paper' | 'projects.track' | 'comments.moderate';

/** The one place that says who may run the staff side of participatory budgeting. */
export const BudgetingPolicy = {
  can(actor: Actor | undefined, action: BudgetingAction): boolean {
    // The platform's moderators hide abusive comments here as they do on petitions; the rest is staff work.
    return action === 'comments.moderate'
      ? hasRole(actor, 'staff', 'admin', 'moderator')
      : hasRole(actor, 'staff', 'admin');
  },
  assert(actor: Actor | undefined, action: BudgetingAction): void {
    if (!BudgetingPolicy.can(actor, action)) {
      throw budgetingError('budgeting.forbidden', 'forbidden', 'Only municipal staff may do this');
    }
  },
};
