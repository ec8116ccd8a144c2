import { halfThreshold, milestoneDue, signatureThreshold } from './threshold';

describe('the signature threshold (Art. 86: at least 1% of registered voters)', () => {
  it('rounds a fractional person up: 20,013 voters need 201 signatures', () => {
    expect(signatureThreshold(20013)).toBe(201);
  });

  it('is exactly 1% when the count divides evenly', () => {
    expect(signatureThreshold(20000)).toBe(200);
    expect(signatureThreshold(100)).toBe(1);
  });

  it('needs at least one signature for a tiny electorate', () => {
    expect(signatureThreshold(1)).toBe(1);
    expect(signatureThreshold(101)).toBe(2);
  });

  it('refuses a count that is not a positive whole number', () => {
    expect(() => signatureThreshold(0)).toThrow(RangeError);
    expect(() => signatureThreshold(100.5)).toThrow(RangeError);
  });

  it('puts the half-way milestone at the next whole signature', () => {
    expect(halfThreshold(201)).toBe(101);
    expect(halfThreshold(200)).toBe(100);
  });
});

describe('milestones due', () => {
  const recorded = new Date('2026-11-30T10:00:00Z');

  it('is due at half the threshold once, and at the threshold', () => {
    expect(milestoneDue('open', 201, null, 100)).toBe(false);
    expect(milestoneDue('open', 201, null, 101)).toBe(true);
    expect(milestoneDue('open', 201, recorded, 150)).toBe(false);
    expect(milestoneDue('open', 201, recorded, 201)).toBe(true);
  });

  it('is never due for a petition that is not open or has no threshold', () => {
    expect(milestoneDue('threshold-reached', 201, recorded, 300)).toBe(false);
    expect(milestoneDue('open', null, null, 5000)).toBe(false);
  });
});
