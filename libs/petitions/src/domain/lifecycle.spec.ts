import { acceptsSignatures, nextStatus } from './lifecycle';

describe('the petition lifecycle', () => {
  it('runs draft → submitted → open → threshold reached → registered → under consideration → answered → closed', () => {
    expect(nextStatus('draft', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'open')).toBe('open');
    expect(nextStatus('open', 'reach-threshold')).toBe('threshold-reached');
    expect(nextStatus('threshold-reached', 'register')).toBe('registered');
    expect(nextStatus('registered', 'consider')).toBe('under-consideration');
    expect(nextStatus('under-consideration', 'answer')).toBe('answered');
    expect(nextStatus('answered', 'close')).toBe('closed');
  });

  it('lets moderation return a petition and the author submit it again', () => {
    expect(nextStatus('submitted', 'return')).toBe('returned');
    expect(nextStatus('returned', 'submit')).toBe('submitted');
  });

  it('archives an open petition that closes below its threshold as not reached', () => {
    expect(nextStatus('open', 'expire')).toBe('not-reached');
    expect(nextStatus('threshold-reached', 'expire')).toBeNull();
  });

  it('refuses steps out of order', () => {
    expect(nextStatus('draft', 'open')).toBeNull();
    expect(nextStatus('open', 'register')).toBeNull();
    expect(nextStatus('closed', 'answer')).toBeNull();
  });

  it('takes signatures only while open or past the threshold, and before the closing date', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const later = new Date('2026-12-01T00:00:00Z');
    const earlier = new Date('2026-11-01T00:00:00Z');
    expect(acceptsSignatures('open', later, now)).toBe(true);
    expect(acceptsSignatures('threshold-reached', later, now)).toBe(true);
    expect(acceptsSignatures('open', earlier, now)).toBe(false);
    expect(acceptsSignatures('registered', later, now)).toBe(false);
    expect(acceptsSignatures('submitted', later, now)).toBe(false);
  });
});
