import { addCalendarDays, addWorkingDays, isWorkingDay } from './working-days';

describe('registration deadlines in working days (Tbilisi time)', () => {
  it('skips the weekend: three working days from a Friday end on Wednesday evening', () => {
    const friday = new Date('2026-11-27T10:00:00+04:00');
    expect(addWorkingDays(friday, 3).toISOString()).toBe('2026-12-02T19:59:59.999Z');
  });

  it('skips Georgian fixed public holidays and configured extra days', () => {
    expect(isWorkingDay('2026-11-23', [])).toBe(false); // St George's Day
    const beforeHoliday = new Date('2026-11-20T10:00:00+04:00'); // Friday
    // Mon 23 is a holiday, Tue 24 a configured day off: Wed 25, Thu 26, Fri 27.
    expect(addWorkingDays(beforeHoliday, 3, ['2026-11-24']).toISOString()).toBe('2026-11-27T19:59:59.999Z');
  });

  it('counts consideration deadlines in calendar days to the end of the day', () => {
    expect(addCalendarDays(new Date('2026-11-25T23:30:00+04:00'), 30).toISOString()).toBe(
      '2026-12-25T19:59:59.999Z',
    );
  });
});
