import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncStore, syncFavoritesRepo, type FavoritesDb } from '../../../src/db';
import { isolatedDb, summary } from './fixtures';

let db: FavoritesDb;
afterEach(async () => {
  await db.delete();
});

const T0_MS = Date.parse('2024-06-01T09:00:00.000Z');

describe('reading saved favorites from the sync store', () => {
  it('lists saved favorites newest first, page by page, in the API shape', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    for (const [i, slug] of ['first', 'second', 'third'].entries()) await store.writeFavorite(summary(slug), { saved: true }, T0_MS + i * 1_000);
    await store.writeFavorite(summary('first'), { note: 'edited later' }, T0_MS + 5_000);
    const repo = syncFavoritesRepo(db);

    expect((await repo.list()).map((f) => f.article.title)).toEqual(['Title of third', 'Title of second', 'Title of first']);
    expect((await repo.list({ offset: 1, limit: 1 })).map((f) => f.article.title)).toEqual(['Title of second']);
    expect(await repo.get(summary('first').id)).toEqual({
      articleId: summary('first').id,
      savedAt: new Date(T0_MS).toISOString(),
      updatedAt: new Date(T0_MS + 5_000).toISOString(),
      note: 'edited later',
      public: false,
      tags: [],
      collectionIds: [],
      article: summary('first'),
    });
  });

  it('leaves removed favorites out of the list, the count and the saved ids', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    await store.writeFavorite(summary('kept'), { saved: true }, T0_MS);
    await store.writeFavorite(summary('removed'), { saved: true }, T0_MS);
    await store.writeFavorite(summary('removed'), { saved: false }, T0_MS + 1);
    const repo = syncFavoritesRepo(db);

    expect(await repo.count()).toBe(1);
    expect(await repo.savedIds()).toEqual(new Set([summary('kept').id]));
    expect(await repo.get(summary('removed').id)).toBeUndefined();
    expect((await repo.list()).map((f) => f.articleId)).toEqual([summary('kept').id]);
  });

  it('works as a live query: the list, the count and the saved ids follow local writes', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const repo = syncFavoritesRepo(db);
    await store.writeFavorite(summary('first'), { saved: true }, T0_MS);
    const seen: number[] = [];
    let wrote = false;
    // Subscribed (and first answered) before the next write, so only a re-run can see it.
    await new Promise<void>((resolve, reject) => {
      const subscription = liveQuery(async () => [(await repo.list()).length, await repo.count(), (await repo.savedIds()).size]).subscribe({
        next: ([listed, counted, ids]) => {
          seen.push(listed!);
          expect([counted, ids]).toEqual([listed, listed]);
          if (!wrote) {
            wrote = true;
            store.writeFavorite(summary('second'), { saved: true }, T0_MS + 1).catch(reject);
          } else if (listed === 2) {
            subscription.unsubscribe();
            resolve();
          }
        },
        error: reject,
      });
    });

    expect(seen).toEqual([1, 2]);
  });
});
