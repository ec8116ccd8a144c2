import { createHash, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';

/** A separate key per purpose, derived from APP_SECRET, so one leaked derived key exposes nothing else. */
export function deriveKey(
  appSecret: string,
  purpose: 'jwt' | 'personal-number' | 'assisted-code' | 'login',
): Buffer {
  return Buffer.from(hkdfSync('sha256', appSecret, 'chartuloba-identity', purpose, 32));
}

/** A random secret for a cookie or a mailed link: 32 bytes, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Stored form of high-entropy secrets (session ids, link tokens): a plain SHA-256 is enough for them. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function hmac(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}

// No 0/O, 1/I/L, 5/S, 2/Z: the code is read off paper and typed by someone who may not know Latin letters well.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRTUVWXY346789';
export const ASSISTED_CODE_LENGTH = 10;

/** A one-time sign-in code for an assisted account, e.g. `K7MX-9QTR-WA`. */
export function assistedCode(): string {
  let code = '';
  for (let i = 0; i < ASSISTED_CODE_LENGTH; i++) {
    code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  }
  return code;
}

/** Codes are typed with or without dashes and in any case; compare them in one canonical form. */
export function normalizeAssistedCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function formatAssistedCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** Login names of assisted accounts: short, digits only, so they can be dictated over the phone. */
export function assistedLoginName(): string {
  return `${randomInt(100, 1000)}-${randomInt(100, 1000)}-${randomInt(100, 1000)}`;
}
