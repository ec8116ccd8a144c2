import type { Actor } from '@chartuloba/platform';
import { IdentityPolicy } from './identity.policy';

const actor = (...roles: string[]): Actor => ({ id: 'a', label: 'A', roles });

describe('identity policy', () => {
  it('lets staff verify residency but not citizens', () => {
    expect(IdentityPolicy.can(actor('citizen', 'staff'), 'accounts.verify-residency')).toBe(true);
    expect(IdentityPolicy.can(actor('citizen'), 'accounts.verify-residency')).toBe(false);
    expect(IdentityPolicy.can(undefined, 'accounts.view')).toBe(false);
  });

  it('lets staff grant moderator and council member, but only an admin grant staff or admin', () => {
    expect(IdentityPolicy.canChangeRole(actor('staff'), 'moderator')).toBe(true);
    expect(IdentityPolicy.canChangeRole(actor('staff'), 'council_member')).toBe(true);
    expect(IdentityPolicy.canChangeRole(actor('staff'), 'staff')).toBe(false);
    expect(IdentityPolicy.canChangeRole(actor('staff'), 'admin')).toBe(false);
    expect(IdentityPolicy.canChangeRole(actor('admin'), 'staff')).toBe(true);
  });

  it('never takes the citizen role away', () => {
    expect(IdentityPolicy.canChangeRole(actor('admin'), 'citizen')).toBe(false);
  });
});
