import { DomainError } from '@chartuloba/platform';

export type IdentityErrorCode =
  | 'identity.sign-in-required'
  | 'identity.forbidden'
  | 'identity.invalid-credentials'
  | 'identity.email-not-verified'
  | 'identity.too-many-attempts'
  | 'identity.link-invalid'
  | 'identity.code-invalid'
  | 'identity.current-password-wrong'
  | 'identity.account-not-found'
  | 'identity.personal-number-invalid'
  | 'identity.personal-number-taken'
  | 'identity.already-resident'
  | 'identity.settlement-unknown'
  | 'identity.role-not-grantable'
  | 'identity.last-admin'
  | 'identity.not-assisted'
  | 'identity.email-taken';

export class IdentityError extends DomainError<IdentityErrorCode> {}

/** One field's problem, in the shape the pages put next to the field and the API lists in `details`. */
export function fieldError(
  code: IdentityErrorCode,
  kind: IdentityError['kind'],
  field: string,
  message: string,
): IdentityError {
  return new IdentityError(code, kind, message, [{ field, message, constraint: code }]);
}
