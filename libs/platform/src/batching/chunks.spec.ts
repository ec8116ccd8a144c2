import { chunksOf } from './chunks';

describe('chunksOf', () => {
  it('slices in order, the last chunk holding the rest, and nothing for nothing', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(chunksOf([], 3)).toEqual([]);
  });
});
