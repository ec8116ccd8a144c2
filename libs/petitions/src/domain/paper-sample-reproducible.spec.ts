import { drawSample, sampleSize } from './sample';

const ids = Array.from({ length: 57 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

describe('the 20% verification sample of a paper list', () => {
  it('is the same sample for the same seed, whatever order the rows come in', () => {
    const first = drawSample(ids, 'seed-7f3a');
    const again = drawSample([...ids].reverse(), 'seed-7f3a');
    expect(again).toEqual(first);
  });

  it('differs for another seed', () => {
    expect(drawSample(ids, 'seed-a')).not.toEqual(drawSample(ids, 'seed-b'));
  });

  it('takes 20% rounded up, at least one signature, without repeats', () => {
    const sample = drawSample(ids, 'x');
    expect(sample).toHaveLength(12);
    expect(new Set(sample).size).toBe(12);
    expect(sampleSize(1)).toBe(1);
    expect(sampleSize(10)).toBe(2);
    expect(sampleSize(0)).toBe(0);
  });
});
