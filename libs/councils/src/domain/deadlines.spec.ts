import {
  addDays,
  announcementStatus,
  minutesStatus,
  publicReportOverdue,
  recommendationOverdue,
} from './deadlines';

const session = new Date('2026-03-20T11:00:00Z');

describe('announcement lead time', () => {
  it('is on time when published at least the lead days before the session', () => {
    expect(announcementStatus(session, new Date('2026-03-15T11:00:00Z'), 5, session)).toBe('on-time');
  });

  it('is late when published after the deadline, even before the session', () => {
    expect(announcementStatus(session, new Date('2026-03-16T09:00:00Z'), 5, session)).toBe('late');
  });

  it('is missing once the deadline has passed with no announcement, and not yet due before', () => {
    expect(announcementStatus(session, null, 5, new Date('2026-03-15T11:00:01Z'))).toBe('missing');
    expect(announcementStatus(session, null, 5, new Date('2026-03-10T00:00:00Z'))).toBe('not-yet-due');
  });
});

describe('minutes due', () => {
  it('flags minutes missing after the configured days and late when published after them', () => {
    expect(minutesStatus(session, null, 14, new Date('2026-04-02T00:00:00Z'))).toBe('not-yet-due');
    expect(minutesStatus(session, null, 14, new Date('2026-04-04T00:00:00Z'))).toBe('missing');
    expect(minutesStatus(session, new Date('2026-03-25T00:00:00Z'), 14, new Date('2026-05-01'))).toBe(
      'published',
    );
    expect(minutesStatus(session, new Date('2026-04-10T00:00:00Z'), 14, new Date('2026-05-01'))).toBe(
      'published-late',
    );
  });
});

describe('recommendation answers', () => {
  it('is overdue only when still unanswered after the deadline day in Tbilisi', () => {
    // 20:30 UTC on the 30th is already the 31st in Tbilisi (UTC+4).
    expect(recommendationOverdue('sent', '2026-03-30', new Date('2026-03-30T19:59:00Z'))).toBe(false);
    expect(recommendationOverdue('sent', '2026-03-30', new Date('2026-03-30T20:30:00Z'))).toBe(true);
    expect(recommendationOverdue('answered', '2026-03-30', new Date('2026-06-01'))).toBe(false);
  });

  it('adds calendar days across month ends', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
  });
});

describe('yearly public reports', () => {
  it('are due by 1 November', () => {
    expect(publicReportOverdue(2026, '2026-10-30', new Date('2026-12-01'))).toBe(false);
    expect(publicReportOverdue(2026, '2026-11-02', new Date('2026-12-01'))).toBe(true);
    expect(publicReportOverdue(2026, null, new Date('2026-10-31T12:00:00Z'))).toBe(false);
    expect(publicReportOverdue(2026, null, new Date('2026-11-02T12:00:00Z'))).toBe(true);
  });
});
