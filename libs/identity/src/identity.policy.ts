import { Actor, hasRole, Role } from '@chartuloba/platform';
import { IdentityError } from './identity.errors';

export type IdentityAction = 'accounts.view' | 'accounts.verify-residency' | 'accounts.create-assisted';

/** Roles that put someone in charge of others' accounts: only an admin hands them out or takes them away. */
const ADMIN_ONLY_ROLES: readonly Role[] = ['staff', 'admin'];

/** Who may do what with accounts: the one place identity says it. */
export const IdentityPolicy = {
  can(actor: Actor | undefined, action: IdentityAction): boolean {
    switch (action) {
      case 'accounts.view':
      case 'accounts.verify-residency':
      case 'accounts.create-assisted':
        return hasRole(actor, 'staff', 'admin');
    }
  },

  canChangeRole(actor: Actor | undefined, role: Role): boolean {
    if (ADMIN_ONLY_ROLES.includes(role)) {
      return hasRole(actor, 'admin');
    }
    // `citizen` is what every account is; it is never taken away.
    return role !== 'citizen' && hasRole(actor, 'staff', 'admin');
  },

  assert(allowed: boolean): void {
    if (!allowed) {
      throw new IdentityError('identity.forbidden', 'forbidden', 'You may not do this');
    }
  },
};
