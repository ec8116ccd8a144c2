import { normalizePersonalNumber } from './personal-number';

describe('personal number', () => {
  it('accepts eleven digits, with spaces as typed at a counter', () => {
    expect(normalizePersonalNumber('010 2400 1234')).toBe('01024001234');
  });

  it('refuses ten or twelve digits and letters', () => {
    expect(normalizePersonalNumber('0102400123')).toBeNull();
    expect(normalizePersonalNumber('010240012345')).toBeNull();
    expect(normalizePersonalNumber('0102400123a')).toBeNull();
  });
});
