import { beforeEach, describe, expect, it } from 'vitest';
import { removePatch, savePatch } from '../../src/core/favoriteRecord';
import { formatHlc } from '../../src/core/hlc';
import type { Storage, StoredUser } from '../../server/storage/types';
import { applyFavoriteWrite } from '../../server/sync/applyFavoriteWrite';
import { addArticles, addUser, article } from './support/fixtures';
import { storageTargets, useStorage } from './support/storageTargets';

const hlc = (wallMs: number, clientId = 'deviceA') => formatHlc(wallMs, 0, clientId);

describe.each(storageTargets)('applyFavoriteWrite on $name', (target) => {
  const db = useStorage(target);
  let storage: Storage;
  let user: StoredUser;
  let articleId: string;

  beforeEach(async () => {
    storage = db.storage;
    user = await addUser(storage, 'ada');
    articleId = (await addArticles(storage, [article('lww')]))[0]!.id;
  });

  /** Rows exactly as stored, read with a separate connection. */
  async function storedRows() {
    return {
      favorites: await db.rows('select article_id, saved, saved_hlc, note, note_hlc, version from favorites order by article_id'),
      tags: await db.rows('select tag, active, hlc, version from favorite_tags order by tag'),
      spaces: await db.rows('select id, version from spaces order by id'),
    };
  }

  it('applies a write with a newer HLC and returns the space version it was stamped with', async () => {
    await applyFavoriteWrite(storage, { userId: user.id, articleId, patch: { saved: true, note: 'first' }, hlc: hlc(1000) });
    const result = await applyFavoriteWrite(storage, { userId: user.id, articleId, patch: { note: 'second' }, hlc: hlc(2000) });

    expect(result).toMatchObject({ changed: true, version: 2 });
    expect(result.record.note).toEqual({ value: 'second', hlc: hlc(2000) });
    expect((await storage.favorites.get(user.id, articleId))?.note).toBe('second');
  });

  it('ignores a write older than the stored one: nothing stored, version not bumped', async () => {
    await applyFavoriteWrite(storage, { userId: user.id, articleId, patch: { saved: true, note: 'newer' }, hlc: hlc(5000) });
    const before = await storedRows();

    const result = await applyFavoriteWrite(storage, { userId: user.id, articleId, patch: { note: 'older' }, hlc: hlc(4000) });

    expect(result).toMatchObject({ changed: false, version: null });
    expect(result.record.note.value).toBe('newer');
    expect(await storedRows()).toEqual(before);
  });

  it('treats a replay of the same write as a no-op', async () => {
    const write = { userId: user.id, articleId, patch: { saved: true }, hlc: hlc(1000) };
    await applyFavoriteWrite(storage, write);
    expect(await applyFavoriteWrite(storage, write)).toMatchObject({ changed: false, version: null });
    expect(await storage.spaces.version(`u:${user.id}`)).toBe(1);
  });

  it('bumps the space version once per changed write, however many registers it sets', async () => {
    await applyFavoriteWrite(storage, {
      userId: user.id,
      articleId,
      patch: { saved: true, note: 'n', public: true, tags: { a: true, b: true, c: true } },
      hlc: hlc(1000),
    });
    expect(await storage.spaces.version(`u:${user.id}`)).toBe(1);

    await applyFavoriteWrite(storage, { userId: user.id, articleId, patch: (stored) => removePatch(stored), hlc: hlc(2000) });
    expect(await storage.spaces.version(`u:${user.id}`)).toBe(2);
  });

  it('stamps every changed row with the new space version, the favorite row too when only its tags changed', async () => {
    await applyFavoriteWrite(storage, {
      userId: user.id,
      articleId,
      patch: (stored) => savePatch(stored, { note: 'hello', tags: ['keep', 'drop'] }),
      hlc: hlc(1000),
    });
    await applyFavoriteWrite(storage, {
      userId: user.id,
      articleId,
      patch: (stored) => savePatch(stored, { tags: ['keep', 'new'] }),
      hlc: hlc(2000),
    });

    const rows = await storedRows();
    expect(rows.spaces).toEqual([{ id: `u:${user.id}`, version: 2 }]);
    // Only tags changed in the second write: the favorite row keeps its registers but takes
    // version 2, so a pull by the favorites' version index finds the tag change.
    expect(rows.favorites).toEqual([
      { article_id: articleId, saved: 1, saved_hlc: hlc(1000), note: 'hello', note_hlc: hlc(1000), version: 2 },
    ]);
    expect(rows.tags).toEqual([
      { tag: 'drop', active: 0, hlc: hlc(2000), version: 2 },
      { tag: 'keep', active: 1, hlc: hlc(2000), version: 2 },
      { tag: 'new', active: 1, hlc: hlc(2000), version: 2 },
    ]);
  });

  it('resolves equal wall times by client id, so every replica picks the same winner', async () => {
    await applyFavoriteWrite(storage, { userId: user.id, articleId, patch: { saved: true, note: 'from B' }, hlc: hlc(1000, 'deviceB') });
    const result = await applyFavoriteWrite(storage, { userId: user.id, articleId, patch: { note: 'from A' }, hlc: hlc(1000, 'deviceA') });
    expect(result.changed).toBe(false);
    expect(result.record.note.value).toBe('from B');
  });

  it('raises the stored HLC high-water mark', async () => {
    await applyFavoriteWrite(storage, { userId: user.id, articleId, patch: { saved: true }, hlc: hlc(9000) });
    await applyFavoriteWrite(storage, { userId: user.id, articleId, patch: { note: 'late' }, hlc: hlc(3000) });
    expect(await storage.meta.hlcHighWater()).toBe(hlc(9000));
  });
});
