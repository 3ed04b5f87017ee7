import { describe, expect, it } from 'vitest';
import type { FavoriteRecord } from '../../../src/core/favoriteRecord';
import { formatHlc } from '../../../src/core/hlc';
import { rebaseFavorite } from '../../../src/core/rebaseFavorite';

const at = (ms: number, client = 'me') => formatHlc(ms, 0, client);

const confirmed: FavoriteRecord = {
  articleId: 'article1',
  saved: { value: true, hlc: at(10, 'server') },
  note: { value: 'confirmed', hlc: at(10, 'server') },
  public: { value: false, hlc: at(10, 'server') },
  tags: {},
};

describe('rebasing a favorite on what the server confirmed', () => {
  it('replays the pending writes over the confirmed registers in mutation-id order', () => {
    const view = rebaseFavorite('article1', confirmed, [
      { id: 3, args: { note: 'third' }, hlc: at(30) },
      { id: 2, args: { note: 'second', public: true }, hlc: at(20) },
    ]);
    expect(view).toMatchObject({ note: { value: 'third' }, public: { value: true }, saved: { value: true } });
  });

  it('leaves a confirmed register that is newer than a pending write', () => {
    const view = rebaseFavorite('article1', confirmed, [{ id: 1, args: { note: 'stale' }, hlc: at(5) }]);
    expect(view?.note.value).toBe('confirmed');
  });

  it('builds the favorite from pending writes alone when nothing is confirmed, and gives null for nothing', () => {
    expect(rebaseFavorite('article1', null, [{ id: 1, args: { note: 'only' }, hlc: at(1) }])).toMatchObject({
      articleId: 'article1',
      saved: { value: false },
      note: { value: 'only' },
    });
    expect(rebaseFavorite('article1', null, [])).toBeNull();
  });
});
