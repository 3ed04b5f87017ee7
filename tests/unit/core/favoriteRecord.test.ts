import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeTags,
  applyFavoritePatch,
  favoriteFields,
  removePatch,
  savePatch,
  type FavoritePatch,
  type FavoriteRecord,
} from '../../../src/core/favoriteRecord';
import { formatHlc } from '../../../src/core/hlc';

const at = (ms: number, client = 'a', counter = 0) => formatHlc(ms, counter, client);

function save(record: FavoriteRecord | null, body: Parameters<typeof savePatch>[1], hlc: string) {
  return applyFavoritePatch(record, savePatch(record, body), hlc, 'article1').record;
}

describe('favorite record', () => {
  it('saving sets saved, note, public and tags, and reports savedAt from the saved register', () => {
    const record = save(null, { note: 'read later', public: true, tags: ['web', 'css'] }, at(1_000));
    expect(favoriteFields(record)).toEqual({
      articleId: 'article1',
      savedAt: new Date(1_000).toISOString(),
      updatedAt: new Date(1_000).toISOString(),
      note: 'read later',
      public: true,
      tags: ['css', 'web'],
    });
  });

  it('re-saving keeps the original savedAt and only changes the fields given', () => {
    const first = save(null, { note: 'one' }, at(1_000));
    const second = save(first, { public: true }, at(2_000));
    expect(favoriteFields(second).savedAt).toBe(new Date(1_000).toISOString());
    expect(favoriteFields(second).updatedAt).toBe(new Date(2_000).toISOString());
    expect(second.note.value).toBe('one');
  });

  it('a tag list replaces the set of tags', () => {
    const first = save(null, { tags: ['a', 'b'] }, at(1_000));
    expect(activeTags(save(first, { tags: ['b', 'c'] }, at(2_000)))).toEqual(['b', 'c']);
  });

  it('removing clears note, public and tags so a later save starts clean', () => {
    const saved = save(null, { note: 'n', public: true, tags: ['x'] }, at(1_000));
    const removed = applyFavoritePatch(saved, removePatch(saved), at(2_000)).record;
    expect(removed.saved.value).toBe(false);
    const again = save(removed, {}, at(3_000));
    expect(favoriteFields(again)).toMatchObject({ note: '', public: false, tags: [] });
  });

  it('a replayed or older write is a no-op', () => {
    const saved = save(null, { note: 'new' }, at(5_000));
    const replay = applyFavoritePatch(saved, { note: 'new' }, at(5_000));
    const older = applyFavoritePatch(saved, { note: 'old' }, at(4_000));
    expect(replay.changed).toBe(false);
    expect(older.changed).toBe(false);
    expect(older.record).toBe(saved);
  });

  it('converges whatever order patches arrive in', () => {
    const patch: fc.Arbitrary<FavoritePatch> = fc.record(
      {
        saved: fc.boolean(),
        note: fc.string({ maxLength: 4 }),
        public: fc.boolean(),
        tags: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.boolean(), { maxKeys: 3 }),
      },
      { requiredKeys: [] },
    );
    const write = fc.tuple(patch, fc.integer({ min: 1, max: 30 }), fc.constantFrom('p', 'q', 'r'));
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 12 }), (writes) => {
        // Every real write has its own timestamp: the index stands in for the HLC counter.
        const stamped = writes.map(([p, wall, client], i) => [p, at(wall, client, i)] as const);
        const apply = (list: typeof stamped) =>
          list.reduce<FavoriteRecord | null>((record, [p, hlc]) => applyFavoritePatch(record, p, hlc, 'x').record, null);
        expect(apply([...stamped].reverse())).toEqual(apply(stamped));
      }),
    );
  });
});
