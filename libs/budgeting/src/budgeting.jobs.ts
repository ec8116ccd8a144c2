/** The budgeting queue and its jobs. */
export const BUDGETING_QUEUE = 'budgeting';
export const ADVANCE_DUE_JOB = 'budgeting.advance-due-cycles';
export type BudgetingJobName = typeof ADVANCE_DUE_JOB;

/** Once a minute: a cycle moves on within a minute of its date, as petitions close at their deadline. */
export const ADVANCE_EVERY_MS = 60_000;
