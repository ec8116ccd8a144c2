import { nextPhase, reviewGate } from './cycle-phase';

describe('cycle phases', () => {
  it('goes from review straight to voting when the cycle does not ask the council', () => {
    expect(nextPhase('review', false)).toBe('voting');
  });

  it('goes from review to the council when the rules require approval of the shortlist', () => {
    expect(nextPhase('review', true)).toBe('council');
  });

  it('lets only the council decision leave the council phase', () => {
    expect(nextPhase('council', true)).toBeNull();
    expect(nextPhase('council-rejected', true)).toBeNull();
  });

  it('keeps a cycle in review while a proposal is unreviewed or nothing is shortlisted', () => {
    expect(reviewGate({ pending: 1, shortlisted: 3 })).toBe('review-pending');
    expect(reviewGate({ pending: 0, shortlisted: 0 })).toBe('shortlist-empty');
    expect(reviewGate({ pending: 0, shortlisted: 2 })).toBeNull();
  });
});
