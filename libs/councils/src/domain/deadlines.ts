const DAY_MS = 24 * 60 * 60 * 1000;

export type AnnouncementStatus = 'on-time' | 'late' | 'missing' | 'not-yet-due';

/** When the announcement must be out: `leadDays` whole days before the session starts. */
export function announcementDeadline(startsAt: Date, leadDays: number): Date {
  return new Date(startsAt.getTime() - leadDays * DAY_MS);
}

/**
 * An announcement published at or before the deadline is on time, after it late; none once the deadline has
 * passed is missing (a session held unannounced stays missing forever).
 */
export function announcementStatus(
  startsAt: Date,
  announcedAt: Date | null,
  leadDays: number,
  now: Date,
): AnnouncementStatus {
  const deadline = announcementDeadline(startsAt, leadDays);
  if (announcedAt) {
    return announcedAt.getTime() <= deadline.getTime() ? 'on-time' : 'late';
  }
  return now.getTime() > deadline.getTime() ? 'missing' : 'not-yet-due';
}

export type MinutesStatus = 'published' | 'published-late' | 'missing' | 'not-yet-due';

export function minutesDeadline(startsAt: Date, dueDays: number): Date {
  return new Date(startsAt.getTime() + dueDays * DAY_MS);
}

/** Minutes are due `dueDays` after the session; a cancelled session needs none (the caller skips it). */
export function minutesStatus(
  startsAt: Date,
  publishedAt: Date | null,
  dueDays: number,
  now: Date,
): MinutesStatus {
  const deadline = minutesDeadline(startsAt, dueDays);
  if (publishedAt) {
    return publishedAt.getTime() <= deadline.getTime() ? 'published' : 'published-late';
  }
  return now.getTime() > deadline.getTime() ? 'missing' : 'not-yet-due';
}

/** `YYYY-MM-DD` plus whole days, in calendar terms (no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's calendar date in Tbilisi, where the municipality's deadlines run. */
export function tbilisiDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tbilisi' }).format(now);
}

/**
 * A form's `datetime-local` value (YYYY-MM-DDTHH:mm) as an instant in Tbilisi time: UTC+4 all year, as
 * Georgia keeps no daylight saving. Undefined for anything else.
 */
export function tbilisiInstant(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
    ? `${value}:00+04:00`
    : undefined;
}

export type RecommendationStatus = 'sent' | 'answered' | 'implemented';

/** Overdue: still unanswered after the response deadline day has ended (in Tbilisi). */
export function recommendationOverdue(
  status: RecommendationStatus,
  responseDueOn: string,
  now: Date,
): boolean {
  return status === 'sent' && tbilisiDate(now) > responseDueOn;
}

/** The yearly public reports of the Mayor and Sakrebulo members are held by 1 November of their year. */
export function publicReportDeadline(year: number): string {
  return `${year}-11-01`;
}

export function publicReportOverdue(year: number, heldOn: string | null, now: Date): boolean {
  const deadline = publicReportDeadline(year);
  return heldOn ? heldOn > deadline : tbilisiDate(now) > deadline;
}
