/** A job as the API asks for it: it is written to the outbox in the caller's transaction. */
export interface JobRequest<Payload extends object = object> {
  /** The lib's queue, e.g. `platform`, `petitions`. One processor serves a queue. */
  queue: string;
  /** `<lib>.<verb>-<noun>`, e.g. `platform.send-mail`. */
  name: string;
  payload: Payload;
  /** Idempotency key: the same key is enqueued once, however often it is asked for. */
  key: string;
  /** Run no earlier than this (deadlines, reminders). */
  runAt?: Date;
  maxAttempts?: number;
}

/** A job that repeats on a fixed interval (closing petitions past their deadline, overdue sweeps). */
export interface RecurringJob {
  queue: string;
  name: string;
  everyMs: number;
}

export interface JobRow {
  id: string;
  queue: string;
  name: string;
  job_key: string;
  payload: object;
  run_at: Date;
  attempts: number;
  max_attempts: number;
}

/** Retry delay after the n-th failed attempt: 1 s, 2 s, 4 s … capped at 10 minutes. */
export function backoffMs(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), 600_000);
}

export const DEFAULT_MAX_ATTEMPTS = 5;
