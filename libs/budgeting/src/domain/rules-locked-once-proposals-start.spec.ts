import { proposalsStarted } from './cycle-phase';

describe('a cycle’s rules are locked once proposals start', () => {
  const now = new Date('2027-03-01T10:00:00Z');

  it('leaves them open while the proposal window lies ahead', () => {
    expect(
      proposalsStarted({ phase: 'proposals', proposalsFrom: new Date('2027-03-02T00:00:00Z') }, now),
    ).toBe(false);
  });

  it('locks them from the first minute of the proposal window', () => {
    expect(proposalsStarted({ phase: 'proposals', proposalsFrom: now }, now)).toBe(true);
  });

  it('locks them at once for a cycle without a start date, since it takes proposals from creation', () => {
    expect(proposalsStarted({ phase: 'proposals', proposalsFrom: null }, now)).toBe(true);
  });

  it('locks them in every later phase, whatever the dates say', () => {
    expect(proposalsStarted({ phase: 'review', proposalsFrom: new Date('2028-01-01T00:00:00Z') }, now)).toBe(
      true,
    );
  });
});
