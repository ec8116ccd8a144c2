import { Actor, hasRole } from '@chartuloba/platform';
import { PUBLIC_STATUSES } from './domain/lifecycle';
import type { Petition } from './repositories/petition.row';

export type PetitionAction =
  | 'view'
  | 'edit'
  | 'submit'
  | 'invite'
  | 'sign'
  | 'moderate'
  | 'register'
  | 'answer'
  | 'verify-paper'
  | 'view-personal-numbers'
  | 'invalidate'
  | 'export-signatories';

/** Sakrebulo staff run the petition desk; moderators check lawfulness and competence. */
export function isPetitionStaff(actor: Actor | undefined): boolean {
  return hasRole(actor, 'staff', 'admin');
}

export function isModerator(actor: Actor | undefined): boolean {
  return hasRole(actor, 'staff', 'moderator', 'admin');
}

/** The one place that says who may do what with a petition. */
export function can(
  actor: Actor | undefined,
  action: PetitionAction,
  petition: Petition,
  initiatorIds: readonly string[] = [],
): boolean {
  const isAuthor = !!actor && petition.authorId === actor.id;
  const isInitiator = !!actor && (isAuthor || initiatorIds.includes(actor.id));
  switch (action) {
    case 'view':
      return PUBLIC_STATUSES.includes(petition.status) || isInitiator || isModerator(actor);
    case 'edit':
    case 'submit':
      return isAuthor && (petition.status === 'draft' || petition.status === 'returned');
    case 'invite':
      return isAuthor && !['answered', 'closed', 'not-reached'].includes(petition.status);
    case 'sign':
      return !!actor;
    case 'moderate':
      return isModerator(actor);
    case 'register':
    case 'answer':
    case 'verify-paper':
    case 'view-personal-numbers':
    case 'invalidate':
    case 'export-signatories':
      return isPetitionStaff(actor);
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}
