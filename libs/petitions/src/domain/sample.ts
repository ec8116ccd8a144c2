import { createHash } from 'node:crypto';

/** The share of a paper list the Sakrebulo checks by hand. */
export const SAMPLE_SHARE = 0.2;

/** mulberry32: a small, well-known seeded PRNG; the same seed gives the same sequence on any machine. */
export function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleSize(listSize: number): number {
  return listSize === 0 ? 0 : Math.max(1, Math.ceil(listSize * SAMPLE_SHARE));
}

/**
 * Draws the verification sample: sorts the ids (so the database's row order does not matter), shuffles
 * them with a Fisher-Yates pass driven by the seed, and takes the first 20%. Reproducible from the seed.
 */
export function drawSample(ids: readonly string[], seed: string): string[] {
  const pool = [...ids].sort();
  const random = seededRandom(seed);
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, sampleSize(pool.length));
}
