import { assistedCode, deriveKey, formatAssistedCode, normalizeAssistedCode } from './secrets';

describe('assisted sign-in codes', () => {
  it('are ten characters without look-alike letters', () => {
    const code = assistedCode();
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    expect(code).not.toMatch(/[01OIL25SZ]/);
  });

  it('are read back the same with dashes, spaces or lower case', () => {
    const code = assistedCode();
    expect(normalizeAssistedCode(` ${formatAssistedCode(code).toLowerCase()} `)).toBe(code);
  });
});

describe('derived keys', () => {
  it('differ per purpose', () => {
    const secret = 'x'.repeat(40);
    expect(deriveKey(secret, 'jwt').equals(deriveKey(secret, 'personal-number'))).toBe(false);
  });
});
