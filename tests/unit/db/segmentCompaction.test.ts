import { describe, expect, it } from 'vitest';
import { BIG_SEGMENT, FULL_COMPACTION_SLACK, MAX_SEGMENTS, MERGE_FANOUT, segmentsToMerge } from '../../../src/db/segmentCompaction';

/** Sizes after `writes` single-favorite writes to distinct favorites, merging as the rule says; and entries copied by merges. */
function afterSingleWrites(writes: number): { sizes: number[]; copied: number } {
  const sizes: number[] = [];
  let copied = 0;
  for (let live = 1; live <= writes; live++) {
    sizes.push(1);
    for (let count = segmentsToMerge(sizes, live); count > 0; count = segmentsToMerge(sizes, live)) {
      const full = count === sizes.length;
      const merged = sizes.splice(-count).reduce((sum, size) => sum + size, 0);
      copied += merged;
      // Distinct favorites: a merge drops nothing, a full one keeps the live ones.
      sizes.push(full ? live : merged);
    }
  }
  return { sizes, copied };
}

describe('when favorite segments merge', () => {
  it('merges the newest small segments once FANOUT of one size class pile up', () => {
    expect(segmentsToMerge(Array(MERGE_FANOUT - 1).fill(1), MERGE_FANOUT - 1)).toBe(0);
    expect(segmentsToMerge([...Array(MERGE_FANOUT).fill(1)], MERGE_FANOUT)).toBe(MERGE_FANOUT);
    // The run stops at a segment of another class: only the newest ones merge.
    expect(segmentsToMerge([40, ...Array(MERGE_FANOUT).fill(1)], 44)).toBe(MERGE_FANOUT);
  });

  it("leaves an initial sync's pages alone: big segments merge only in a full compaction", () => {
    expect(segmentsToMerge(Array(10).fill(1_000), 10_000)).toBe(0);
    expect(segmentsToMerge([...Array(MERGE_FANOUT).fill(BIG_SEGMENT)], MERGE_FANOUT * BIG_SEGMENT)).toBe(0);
  });

  it('merges everything once superseded entries outnumber the live favorites', () => {
    const live = 1_000;
    expect(segmentsToMerge([1_000, 1_000 + FULL_COMPACTION_SLACK], live)).toBe(0);
    expect(segmentsToMerge([1_000, 1_000 + FULL_COMPACTION_SLACK + 1], live)).toBe(2);
    expect(segmentsToMerge(Array(MAX_SEGMENTS + 1).fill(BIG_SEGMENT), (MAX_SEGMENTS + 1) * BIG_SEGMENT)).toBe(MAX_SEGMENTS + 1);
  });

  it('never merges a lone segment', () => {
    expect(segmentsToMerge([], 0)).toBe(0);
    expect(segmentsToMerge([5_000], 10)).toBe(0);
  });

  it('keeps a year of single saves to a few segments, each save copied a few times', () => {
    const writes = 20_000;
    const { sizes, copied } = afterSingleWrites(writes);

    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(writes);
    // Size-tiered: fewer than FANOUT small segments per class, plus the big ones.
    expect(sizes.filter((size) => size < BIG_SEGMENT).length).toBeLessThan(MERGE_FANOUT * 5);
    expect(sizes.length).toBeLessThanOrEqual(MAX_SEGMENTS);
    // O(log n) copies per entry, not O(n).
    expect(copied / writes).toBeLessThan(8);
  });
});
