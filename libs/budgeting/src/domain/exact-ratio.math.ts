/** Helpers for exact rationals kept as a BigInt numerator over a positive BigInt denominator. */

/** Sign of `an/ad - bn/bd`, exactly; both denominators must be positive. */
export function compareRatios(an: bigint, ad: bigint, bn: bigint, bd: bigint): number {
  const left = an * bd;
  const right = bn * ad;
  return left < right ? -1 : left > right ? 1 : 0;
}

function hexDigits(value: bigint): number {
  return value.toString(16).length;
}

/**
 * The nearest double to `num/den` within a few units in the last place, even when both have thousands of
 * bits (a plain `Number(num) / Number(den)` would overflow to Infinity/Infinity). Denominator positive.
 */
export function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) {
    return 0;
  }
  const negative = num < 0n;
  const magnitude = negative ? -num : num;
  // Keep about 64 significant bits of each and carry the dropped bits as a power of two.
  const numShift = Math.max(0, hexDigits(magnitude) * 4 - 64);
  const denShift = Math.max(0, hexDigits(den) * 4 - 64);
  const value =
    (Number(magnitude >> BigInt(numShift)) / Number(den >> BigInt(denShift))) * 2 ** (numShift - denShift);
  return negative ? -value : value;
}
