import { DomainError } from '@chartuloba/platform';

/**
 * A refusal a form shows next to its field. Forbidden and not-found are not: they go on to the error
 * page, so a form never hints at what the visitor may not see.
 */
export function isFormRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && error.kind !== 'forbidden' && error.kind !== 'not-found';
}
