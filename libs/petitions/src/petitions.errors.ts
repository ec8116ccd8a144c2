import { DomainError, ErrorKind } from '@chartuloba/platform';

export type PetitionErrorCode =
  | 'petitions.not-found'
  | 'petitions.forbidden'
  | 'petitions.not-resident'
  | 'petitions.closed'
  | 'petitions.already-signed'
  | 'petitions.not-signed'
  | 'petitions.invalid-transition'
  | 'petitions.closing-date-invalid'
  | 'petitions.no-voter-count'
  | 'petitions.rate-limited'
  | 'petitions.invitation-invalid'
  | 'petitions.paper-duplicate'
  | 'petitions.list-not-found'
  | 'petitions.already-sampled'
  | 'petitions.not-sampled'
  | 'petitions.reason-required'
  | 'petitions.no-council'
  | 'petitions.invalid-input';

export class PetitionError extends DomainError<PetitionErrorCode> {}

/** A problem with one form field, shaped as the pages and the API's `details` show it. */
export function fieldError(
  code: PetitionErrorCode,
  kind: ErrorKind,
  field: string,
  message: string,
  params: Record<string, string | number> = {},
): PetitionError {
  return new PetitionError(code, kind, message, [{ field, message, constraint: code }], params);
}

export function notFound(): PetitionError {
  return new PetitionError('petitions.not-found', 'not-found', 'Petition not found');
}

export function forbidden(): PetitionError {
  return new PetitionError('petitions.forbidden', 'forbidden', 'You may not do this with this petition');
}
