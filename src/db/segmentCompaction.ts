/**
 * When to merge favorite segments (pure: sizes in, a count out). Segments are never rewritten,
 * so every write adds one; without merging, a year of single saves would be thousands of rows
 * to read. The rule is size-tiered, as in LSM trees: FANOUT segments of one size class merge
 * into one of the next, so there are O(log n) small segments and a write's entry is copied
 * O(log n) times. Segments of BIG_SEGMENT entries or more (an initial sync's pages) are left as
 * they are until superseded entries pile up, then everything merges into one.
 */

/** Segments of one size class that merge into one. */
export const MERGE_FANOUT = 4;
/** From this size on a segment only merges in a full compaction. */
export const BIG_SEGMENT = 512;
/** Stored entries beyond twice the live favorites plus this trigger a full compaction. */
export const FULL_COMPACTION_SLACK = 1_024;
/** More segments than this trigger a full compaction whatever their sizes. */
export const MAX_SEGMENTS = 64;

/**
 * How many of the newest segments to merge into one: 0 for none, `sizes.length` for all.
 * `sizes` are the segments' entry counts, oldest first; `live` is how many favorites they hold.
 */
export function segmentsToMerge(sizes: readonly number[], live: number): number {
  if (sizes.length < 2) return 0;
  const stored = sizes.reduce((sum, size) => sum + size, 0);
  if (stored > 2 * live + FULL_COMPACTION_SLACK || sizes.length > MAX_SEGMENTS) return sizes.length;
  const newest = sizes.at(-1)!;
  if (newest >= BIG_SEGMENT) return 0;
  const tier = sizeClass(newest);
  let run = 0;
  for (let i = sizes.length - 1; i >= 0 && sizes[i]! < BIG_SEGMENT && sizeClass(sizes[i]!) === tier; i--) run++;
  return run >= MERGE_FANOUT ? run : 0;
}

/** 0 for 1–3 entries, 1 for 4–15, 2 for 16–63, … */
function sizeClass(size: number): number {
  return Math.floor(Math.log2(Math.max(size, 1)) / Math.log2(MERGE_FANOUT));
}
