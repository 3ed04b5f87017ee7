import { afterEach, describe, expect, it } from 'vitest';
import { setFavorite } from '../../../src/app/favorites/setFavorite';
import { createSyncStore, syncFavoritesRepo, type FavoritesDb } from '../../../src/db';
import { isolatedDb, summary } from '../db/fixtures';

let db: FavoritesDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('saving and removing a favorite from the UI', () => {
  it('lands in the local database at once, each write queued for the server', async () => {
    db = isolatedDb();
    const article = summary('kept');
    await setFavorite(db, article, true, Date.UTC(2024, 5, 1));

    expect((await syncFavoritesRepo(db).list()).map((f) => f.articleId)).toEqual([article.id]);
    const pending = await createSyncStore(db).pending(10);
    expect(pending.map((entry) => [entry.id, entry.args])).toEqual([[1, { articleId: article.id, saved: true }]]);
  });

  it('saving again keeps the original save time (REST PUT semantics)', async () => {
    db = isolatedDb();
    const article = summary('twice');
    await setFavorite(db, article, true, Date.UTC(2024, 5, 1));
    await setFavorite(db, article, true, Date.UTC(2024, 5, 2));

    expect((await syncFavoritesRepo(db).get(article.id))?.savedAt).toBe('2024-06-01T00:00:00.000Z');
  });

  it('removing clears the favorite and queues the removal', async () => {
    db = isolatedDb();
    const article = summary('gone');
    await setFavorite(db, article, true, Date.UTC(2024, 5, 1));
    await setFavorite(db, article, false, Date.UTC(2024, 5, 2));

    expect(await syncFavoritesRepo(db).list()).toEqual([]);
    const pending = await createSyncStore(db).pending(10);
    expect(pending.at(-1)?.args).toMatchObject({ articleId: article.id, saved: false });
  });
});
