/** A Georgian personal number (პირადი ნომერი): exactly 11 digits, spaces tolerated when typed. */
export function normalizePersonalNumber(input: string): string | null {
  const digits = input.replace(/\s+/g, '');
  return /^\d{11}$/.test(digits) ? digits : null;
}
