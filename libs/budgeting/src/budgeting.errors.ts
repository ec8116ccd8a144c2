import { DomainError, type ErrorKind } from '@chartuloba/platform';

export type BudgetingErrorCode =
  | 'budgeting.not-found'
  | 'budgeting.forbidden'
  | 'budgeting.wrong-phase'
  | 'budgeting.review-pending'
  | 'budgeting.shortlist-empty'
  | 'budgeting.not-resident'
  | 'budgeting.too-young'
  | 'budgeting.district-unknown'
  | 'budgeting.category-unknown'
  | 'budgeting.cost-too-high'
  | 'budgeting.unknown-project'
  | 'budgeting.duplicate-project'
  | 'budgeting.over-k'
  | 'budgeting.over-budget'
  | 'budgeting.points-not-summing'
  | 'budgeting.points-invalid'
  | 'budgeting.voted-on-paper'
  | 'budgeting.paper-number-used'
  | 'budgeting.merge-not-agreed'
  | 'budgeting.merge-declined'
  | 'budgeting.merge-done'
  | 'budgeting.merges-closed'
  | 'budgeting.invalid'
  | 'budgeting.dates-out-of-order'
  | 'budgeting.over-total'
  | 'budgeting.needs-k'
  | 'budgeting.needs-points'
  | 'budgeting.needs-min-score'
  | 'budgeting.title-missing'
  | 'budgeting.reason-missing'
  | 'budgeting.not-shortlistable'
  | 'budgeting.proposals-closed'
  | 'budgeting.comments-closed'
  | 'budgeting.voting-closed'
  | 'budgeting.pb-invalid'
  | 'budgeting.rules-locked'
  | 'budgeting.attachments-closed'
  | 'budgeting.too-many-attachments'
  | 'budgeting.caption-too-long';

export class BudgetingError extends DomainError<BudgetingErrorCode> {}

export function budgetingError(
  code: BudgetingErrorCode,
  kind: ErrorKind,
  message: string,
  field?: string,
  params: Record<string, string | number> = {},
): BudgetingError {
  return new BudgetingError(
    code,
    kind,
    message,
    field ? [{ field, message, constraint: code }] : undefined,
    params,
  );
}
