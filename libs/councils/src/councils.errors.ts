import { DomainError } from '@chartuloba/platform';

export type CouncilsErrorCode =
  | 'councils.forbidden'
  | 'councils.body-not-found'
  | 'councils.session-not-found'
  | 'councils.motion-not-found'
  | 'councils.document-not-found'
  | 'councils.report-not-found'
  | 'councils.recommendation-not-found'
  | 'councils.slug-taken'
  | 'councils.not-allowed-now'
  | 'councils.documents-kept'
  | 'councils.motion-not-pending'
  | 'councils.motion-not-open'
  | 'councils.not-a-member'
  | 'councils.already-voted'
  | 'councils.no-quorum'
  | 'councils.settlement-unknown'
  | 'councils.invalid';

export class CouncilsError extends DomainError<CouncilsErrorCode> {}

export function councilsFieldError(code: CouncilsErrorCode, field: string, message: string): CouncilsError {
  return new CouncilsError(code, 'invalid', message, [{ field, message, constraint: code }]);
}

export function notFound(code: CouncilsErrorCode): CouncilsError {
  return new CouncilsError(code, 'not-found', code);
}
