import { afterEach, describe, expect, it } from 'vitest';
import { createSyncStore, syncFavoritesRepo, type FavoritesDb } from '../../../src/db';
import { readFavorites } from '../../../src/db/favoriteSegments';
import { isolatedDb, summary } from './fixtures';
import { change, pullPage, remoteHlc } from './syncFixtures';

let db: FavoritesDb;
afterEach(async () => {
  await db.delete();
});

const T0_MS = Date.parse('2024-06-01T09:00:00.000Z');

async function snapshot(database: FavoritesDb) {
  return {
    favorites: [...(await readFavorites(database)).entries()],
    articles: await database.articles.toArray(),
    outbox: await database.outbox.toArray(),
    meta: await database.syncMeta.toArray(),
  };
}

describe('applying a pull page', () => {
  it('stores the favorites, their articles and the cursor together', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);

    await store.applyPull(
      pullPage([change('older', remoteHlc(T0_MS)), change('newer', remoteHlc(T0_MS + 1), { tags: { css: { value: true, hlc: remoteHlc(T0_MS + 1) } } })], 'after-page-1'),
      T0_MS,
    );

    const list = await syncFavoritesRepo(db).list();
    expect(list.map((f) => [f.article.title, f.tags])).toEqual([
      ['Title of newer', ['css']],
      ['Title of older', []],
    ]);
    expect(list[0]?.article).toEqual(summary('newer'));
    expect((await store.meta()).cursor).toBe('after-page-1');
    const stored = await store.get(summary('older').id);
    expect(stored?.confirmed).toEqual(stored?.view);
  });

  it('keeps a newer pending local register over an older pulled one, and takes the pulled ones that are newer', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const article = summary('contested');
    await store.writeFavorite(article, { saved: true, note: 'local' }, T0_MS);

    // Another device wrote the note earlier (loses) and made it public later (wins).
    await store.applyPull(
      pullPage([
        change('contested', remoteHlc(T0_MS - 5), {
          note: { value: 'remote', hlc: remoteHlc(T0_MS - 5) },
          public: { value: true, hlc: remoteHlc(T0_MS + 5) },
        }),
      ]),
      T0_MS,
    );

    const favorite = await syncFavoritesRepo(db).get(article.id);
    expect(favorite).toMatchObject({ note: 'local', public: true });
    const stored = await store.get(article.id);
    expect(stored?.confirmed?.note.value).toBe('remote');
    expect(await store.pendingCount()).toBe(1);
  });

  it('lets a newer pulled register overwrite a pending local one', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const article = summary('overtaken');
    await store.writeFavorite(article, { saved: true, note: 'local' }, T0_MS);

    await store.applyPull(pullPage([change('overtaken', remoteHlc(T0_MS + 60_000), { note: { value: 'remote', hlc: remoteHlc(T0_MS + 60_000) } })]), T0_MS);

    expect((await syncFavoritesRepo(db).get(article.id))?.note).toBe('remote');
  });

  it('changes nothing when the same page is applied twice', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    await store.writeFavorite(summary('local'), { saved: true }, T0_MS);
    const page = pullPage([change('a', remoteHlc(T0_MS + 1)), change('local', remoteHlc(T0_MS - 1))], 'c1', remoteHlc(T0_MS + 2, 'server'));

    await store.applyPull(page, T0_MS);
    const once = await snapshot(db);
    await store.applyPull(page, T0_MS + 1_000);

    expect(await snapshot(db)).toEqual(once);
  });

  it('catches the clock up to every HLC it saw, so the next local write beats them', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const future = remoteHlc(T0_MS + 3_600_000, 'zzzzzzzz', 3);

    await store.applyPull(pullPage([change('a', future)]), T0_MS);
    const { entry } = await store.writeFavorite(summary('a'), { note: 'after' }, T0_MS);

    expect(entry.hlc > future).toBe(true);
    expect((await syncFavoritesRepo(db).get(summary('a').id))?.note).toBe('after');
  });

  it('lists the favorite with the summary the pull brought, and keeps an article body fetched earlier', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const article = summary('read-offline');
    await db.articles.put({ ...article, title: 'Old title', body: '<p>kept</p>', storedAt: '2024-01-01T00:00:00.000Z' });

    await store.applyPull(pullPage([change('read-offline', remoteHlc(T0_MS))]), T0_MS);

    expect((await syncFavoritesRepo(db).get(article.id))?.article.title).toBe('Title of read-offline');
    expect(await db.articles.get(article.id)).toMatchObject({ body: '<p>kept</p>' });
  });

  it('writes nothing, cursor included, when the page cannot be applied', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    await store.applyPull(pullPage([change('a', remoteHlc(T0_MS))], 'c1'), T0_MS);
    db.favoriteSegments.hook('creating', () => {
      throw new Error('quota exceeded');
    });

    await expect(store.applyPull(pullPage([change('b', remoteHlc(T0_MS + 1))], 'c2'), T0_MS)).rejects.toThrow('quota exceeded');

    expect((await store.meta()).cursor).toBe('c1');
    expect(await store.get(summary('b').id)).toBeUndefined();
  });
});
