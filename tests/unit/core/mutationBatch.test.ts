import { describe, expect, it } from 'vitest';
import { areConsecutive, splitBatch } from '../../../src/core/mutationBatch';

const batch = (...ids: number[]) => ids.map((id) => ({ id }));

describe('areConsecutive', () => {
  it('accepts ids ascending by one, and an empty batch', () => {
    expect(areConsecutive([4, 5, 6])).toBe(true);
    expect(areConsecutive([])).toBe(true);
  });

  it('refuses holes, repeats and descending ids', () => {
    expect(areConsecutive([1, 3])).toBe(false);
    expect(areConsecutive([1, 1])).toBe(false);
    expect(areConsecutive([2, 1])).toBe(false);
  });
});

describe('splitBatch', () => {
  it('separates already processed ids from new ones', () => {
    expect(splitBatch(batch(3, 4, 5, 6), 4)).toEqual({ kind: 'ok', duplicates: batch(3, 4), fresh: batch(5, 6) });
  });

  it('reports a gap when the first new id skips ahead of lastMutationId + 1', () => {
    expect(splitBatch(batch(7, 8), 5)).toEqual({ kind: 'gap' });
  });

  it('treats a batch of only duplicates as nothing new', () => {
    expect(splitBatch(batch(1, 2), 9)).toEqual({ kind: 'ok', duplicates: batch(1, 2), fresh: [] });
  });
});
