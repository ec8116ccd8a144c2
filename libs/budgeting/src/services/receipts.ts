import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A ballot's receipt code: a keyed hash of its id, so the code says nothing about the choices and nobody
 * without the portal's secret can link a code to a ballot. Shown to the voter, looked up on the receipt page.
 */
export function receiptOf(secret: string, ballotId: string): string {
  const digest = createHmac('sha256', secret).update(`budgeting-receipt:${ballotId}`).digest();
  let code = '';
  for (let i = 0; i < 12; i++) {
    code += ALPHABET[digest[i]! % ALPHABET.length];
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

export function normalizeReceipt(input: string): string {
  const raw = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return raw.length === 12 ? `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}` : raw;
}
