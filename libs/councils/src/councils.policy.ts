import { Actor, hasRole } from '@chartuloba/platform';
import { CouncilsError } from './councils.errors';
import type { MemberEntity } from './entities/councils.entities';

/** Who may do what in the councils: the one place it is said. */
export const CouncilsPolicy = {
  /** Staff run every body; a body's secretary (or chair) runs its sessions, minutes and roll calls. */
  canManageBody(actor: Actor | undefined, membersOfBody: MemberEntity[], today: string): boolean {
    if (hasRole(actor, 'staff', 'admin')) {
      return true;
    }
    return (
      !!actor &&
      membersOfBody.some(
        (m) =>
          m.userId === actor.id &&
          (m.role === 'secretary' || m.role === 'chair') &&
          m.termStart <= today &&
          (m.termEnd === null || m.termEnd >= today),
      )
    );
  },

  canManageAll(actor: Actor | undefined): boolean {
    return hasRole(actor, 'staff', 'admin');
  },

  assert(allowed: boolean): void {
    if (!allowed) {
      throw new CouncilsError('councils.forbidden', 'forbidden', 'You may not do this');
    }
  },
};

/** A member whose term covers `day` (YYYY-MM-DD). */
export function activeOn(member: MemberEntity, day: string): boolean {
  return member.termStart <= day && (member.termEnd === null || member.termEnd >= day);
}
