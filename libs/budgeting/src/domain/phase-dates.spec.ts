import { datesOutOfOrder, phaseDue, withinWindow, type PhaseDates } from './cycle-phase';

const at = (iso: string) => new Date(iso);
const cycle = (over: Partial<PhaseDates>): PhaseDates => ({
  phase: 'proposals',
  needsCouncil: false,
  imported: false,
  reviewFrom: at('2026-05-01T00:00:00Z'),
  votingFrom: at('2026-09-01T00:00:00Z'),
  votingUntil: at('2026-10-01T00:00:00Z'),
  ...over,
});

describe('phase dates', () => {
  it('treats a missing bound as open and the closing moment as already closed', () => {
    expect(withinWindow(null, null, at('2026-01-01T00:00:00Z'))).toBe(true);
    expect(
      withinWindow(at('2026-09-01T00:00:00Z'), at('2026-10-01T00:00:00Z'), at('2026-10-01T00:00:00Z')),
    ).toBe(false);
    expect(withinWindow(at('2026-09-01T00:00:00Z'), null, at('2026-08-31T23:59:59Z'))).toBe(false);
  });

  it('moves proposals to review and voting to the tally once their dates pass, not before', () => {
    expect(phaseDue(cycle({}), at('2026-04-30T23:59:00Z'))).toBeNull();
    expect(phaseDue(cycle({}), at('2026-05-01T00:00:00Z'))).toBe('review');
    expect(phaseDue(cycle({ phase: 'voting' }), at('2026-10-02T00:00:00Z'))).toBe('tallied');
  });

  it('never sends a shortlist to the council by the clock, and leaves imported cycles alone', () => {
    expect(phaseDue(cycle({ phase: 'review', needsCouncil: true }), at('2026-12-01T00:00:00Z'))).toBeNull();
    expect(phaseDue(cycle({ phase: 'review' }), at('2026-12-01T00:00:00Z'))).toBe('voting');
    expect(phaseDue(cycle({ phase: 'voting', imported: true }), at('2027-01-01T00:00:00Z'))).toBeNull();
  });

  it('names the first date that is not after the one before it', () => {
    const d = { proposalsFrom: null, reviewFrom: null, votingFrom: null, votingUntil: null };
    expect(datesOutOfOrder(d)).toBeNull();
    expect(datesOutOfOrder({ ...d, votingFrom: at('2026-09-01'), votingUntil: at('2026-08-01') })).toBe(
      'votingUntil',
    );
    expect(datesOutOfOrder({ ...d, proposalsFrom: at('2026-05-01'), votingFrom: at('2026-04-01') })).toBe(
      'votingFrom',
    );
  });
});
