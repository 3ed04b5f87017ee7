import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FavoriteRecord } from '../../../src/core/favoriteRecord';
import { formatHlc } from '../../../src/core/hlc';
import { mergeRecords } from '../../../src/core/mergeRecords';

const at = (ms: number, client = 'a') => formatHlc(ms, 0, client);

function record(overrides: Partial<FavoriteRecord> = {}): FavoriteRecord {
  return {
    articleId: 'article1',
    saved: { value: true, hlc: at(1) },
    note: { value: '', hlc: at(1) },
    public: { value: false, hlc: at(1) },
    tags: {},
    ...overrides,
  };
}

/** One HLC is one write, so the value is a function of the stamp (as in real replicas). */
const stamp = fc.oneof(fc.constant(''), fc.tuple(fc.nat(20), fc.constantFrom('a', 'b')).map(([ms, c]) => at(ms, c)));
const flag = stamp.map((hlc) => ({ value: hlc.length % 2 === 0 || hlc.endsWith('a'), hlc }));
const arbitraryRecord: fc.Arbitrary<FavoriteRecord> = fc.record({
  articleId: fc.constant('article1'),
  saved: flag,
  note: stamp.map((hlc) => ({ value: `note ${hlc}`, hlc })),
  public: flag,
  tags: fc.dictionary(fc.constantFrom('css', 'web', 'js'), flag),
});

describe('merging two replicas of a favorite', () => {
  it('keeps the newer write of each register independently', () => {
    const local = record({ note: { value: 'mine', hlc: at(5) }, public: { value: true, hlc: at(2) } });
    const remote = record({ note: { value: 'theirs', hlc: at(3) }, public: { value: false, hlc: at(4) } });

    const { record: merged, changed } = mergeRecords(local, remote);

    expect(changed).toBe(true);
    expect(merged.note.value).toBe('mine');
    expect(merged.public.value).toBe(false);
  });

  it('adds tags only one side knows and reports no change when nothing is newer', () => {
    const a = record({ tags: { css: { value: true, hlc: at(2) } } });
    expect(mergeRecords(a, record({ tags: { web: { value: true, hlc: at(2) } } })).record.tags).toEqual({
      css: { value: true, hlc: at(2) },
      web: { value: true, hlc: at(2) },
    });
    expect(mergeRecords(a, record())).toEqual({ record: a, changed: false });
  });

  it('lets any real write beat a register that was never stamped', () => {
    const carried = record({ note: { value: 'from before sync', hlc: '' } });
    expect(mergeRecords(carried, record({ note: { value: 'server', hlc: at(0) } })).record.note.value).toBe('server');
    expect(mergeRecords(carried, record({ note: { value: 'unset', hlc: '' } })).record.note.value).toBe('from before sync');
  });

  it('is idempotent, and every order of merging gives the same stamped registers', () => {
    fc.assert(
      fc.property(arbitraryRecord, arbitraryRecord, arbitraryRecord, (a, b, c) => {
        const ab = mergeRecords(a, b).record;
        expect(mergeRecords(ab, b)).toEqual({ record: ab, changed: false });
        const left = mergeRecords(mergeRecords(a, b).record, c).record;
        const right = mergeRecords(a, mergeRecords(b, c).record).record;
        const stamped = (r: FavoriteRecord) => JSON.stringify([r.saved, r.note, r.public, Object.entries(r.tags).filter(([, t]) => t.hlc).sort(([x], [y]) => x.localeCompare(y))]);
        expect(stamped(left)).toBe(stamped(right));
      }),
    );
  });
});
