import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FavoritesView, type LoadedSegment } from '../../../src/db/FavoritesView';
import type { FavoriteEntry, SegmentEntry } from '../../../src/db/SyncRecordRow';

const register = <T>(value: T) => ({ value, hlc: '' });

function entry(articleId: string, savedAt: string | undefined, note: string): FavoriteEntry {
  const view = { articleId, saved: register(savedAt !== undefined), note: register(note), public: register(false), tags: {} };
  return { articleId, confirmed: null, view, ...(savedAt !== undefined ? { savedAt } : {}) };
}

/** Entries over a few favorites, so segments overwrite and remove each other; savedAt ties happen. */
const segmentEntry: fc.Arbitrary<SegmentEntry> = fc.oneof(
  fc
    .tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), fc.string({ maxLength: 2 }))
    .map(([id, day, note]) => entry(id, day === undefined ? undefined : `2024-06-0${day + 1}T00:00:00.000Z`, note)),
  fc.constantFrom('a', 'b', 'c').map((articleId): SegmentEntry => ({ articleId, removed: true })),
);

/** The view's meaning, written plainly: newest entry per favorite, then filter and sort. */
function expected(segments: readonly LoadedSegment[]) {
  const byId = new Map<string, FavoriteEntry>();
  for (const { entries } of segments) {
    for (const e of entries) {
      if ('removed' in e) byId.delete(e.articleId);
      else byId.set(e.articleId, e);
    }
  }
  const saved = [...byId.values()]
    .filter((e) => e.savedAt !== undefined)
    .sort((x, y) => (x.savedAt! !== y.savedAt! ? (x.savedAt! < y.savedAt! ? 1 : -1) : x.articleId < y.articleId ? 1 : -1));
  return { byId, saved };
}

describe('the in-memory view of the favorite segments', () => {
  it('equals the newest entry of each favorite however the segments arrive, and lists saved ones newest first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(segmentEntry, { maxLength: 6 }), { maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (entryLists, readBetween) => {
          const segments = entryLists.map((entries, i) => ({ id: i + 1, entries: [...new Map(entries.map((e) => [e.articleId, e])).values()] }));
          // Built one segment at a time, reading the sorted list between some of them (so it is
          // patched, not sorted again), and built at once.
          let view = FavoritesView.EMPTY;
          segments.forEach((segment, i) => {
            view = view.withSegments([segment]);
            if (readBetween[i]) view.saved();
          });
          const atOnce = FavoritesView.EMPTY.withSegments(segments);
          const { byId, saved } = expected(segments);

          for (const built of [view, atOnce]) {
            expect(built.saved()).toEqual(saved);
            expect([...built.savedIds()].sort()).toEqual(saved.map((e) => e.articleId).sort());
            expect(built.size).toBe(byId.size);
            for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) expect(built.get(id)).toBe(byId.get(id));
          }
          expect(view.segments.map((s) => s.id)).toEqual(segments.map((s) => s.id));
        },
      ),
    );
  });

  it('keeps the favorites when merged segments replace the newest ones', () => {
    const older = { id: 1, entries: [entry('a', '2024-06-01T00:00:00.000Z', '')] };
    const newer = [2, 3].map((id) => ({ id, entries: [entry(`n${id}`, '2024-06-02T00:00:00.000Z', '')] }));
    const view = FavoritesView.EMPTY.withSegments([older, ...newer]);

    const merged = view.withMergedSuffix(2, { id: 4, size: 2 });

    expect(merged.segments).toEqual([{ id: 1, size: 1 }, { id: 4, size: 2 }]);
    expect(merged.saved()).toEqual(view.saved());
  });
});
