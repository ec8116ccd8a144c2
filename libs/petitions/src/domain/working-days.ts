const TBILISI_OFFSET_MS = 4 * 3600_000; // Georgia keeps UTC+4 all year (no daylight saving since 2005).

/** Fixed-date public holidays of Georgia (Labour Code, Art. 20) as MM-DD; moving ones (Easter) go in settings. */
export const GEORGIAN_FIXED_HOLIDAYS = [
  '01-01',
  '01-02',
  '01-07',
  '01-19',
  '03-03',
  '03-08',
  '04-09',
  '05-09',
  '05-12',
  '05-26',
  '08-28',
  '10-14',
  '11-23',
];

function tbilisiDate(instant: Date): string {
  return new Date(instant.getTime() + TBILISI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether a Tbilisi calendar day (YYYY-MM-DD) is a working day: not a weekend, not a holiday. */
export function isWorkingDay(day: string, holidays: readonly string[]): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) {
    return false;
  }
  return !holidays.includes(day) && !GEORGIAN_FIXED_HOLIDAYS.includes(day.slice(5));
}

/**
 * The end (23:59:59 Tbilisi) of the n-th working day after `from`: a duty arising on Friday with
 * three working days is due at the end of Wednesday.
 */
export function addWorkingDays(from: Date, days: number, holidays: readonly string[] = []): Date {
  let day = tbilisiDate(from);
  let left = days;
  while (left > 0) {
    const next = new Date(`${day}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    day = next.toISOString().slice(0, 10);
    if (isWorkingDay(day, holidays)) {
      left -= 1;
    }
  }
  return new Date(new Date(`${day}T23:59:59.999Z`).getTime() - TBILISI_OFFSET_MS);
}

/** The end of the n-th calendar day after `from` (consideration deadlines are in calendar days). */
export function addCalendarDays(from: Date, days: number): Date {
  const day = new Date(`${tbilisiDate(from)}T23:59:59.999Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return new Date(day.getTime() - TBILISI_OFFSET_MS);
}
