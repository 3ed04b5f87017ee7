import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncStore, dbNameForUser, FavoritesDb, syncFavoritesRepo } from '../../../src/db';
import { applyFavoritePatch } from '../../../src/core/favoriteRecord';
import { storableArticle } from '../../../src/db/articlesRepo';
import { initialSyncMeta } from '../../../src/db/initialSyncMeta';
import { recordRow } from '../../../src/db/recordRow';
import { SCHEMA_V3 } from '../../../src/db/schema';
import { MAX_SEGMENTS } from '../../../src/db/segmentCompaction';
import { storedEntry, summary } from './fixtures';
import { remoteHlc } from './syncFixtures';

const USER = 'user-1';
const T0_MS = Date.parse('2024-06-01T09:00:00.000Z');
let opened: FavoritesDb[] = [];

afterEach(async () => {
  for (const db of opened) db.close();
  await opened[0]?.delete();
  opened = [];
});

/** A connection to `user-1`'s database in `indexedDB`: two of them are two tabs (or a tab and the worker). */
function connect(indexedDB: IDBFactory): FavoritesDb {
  const db = new FavoritesDb(USER, { indexedDB, IDBKeyRange });
  opened.push(db);
  return db;
}

const titles = async (db: FavoritesDb) => (await syncFavoritesRepo(db).list()).map((f) => f.article.title);

describe('favorites stored as segments', () => {
  it("shows one tab's writes in another tab that had read (and cached) the favorites before", async () => {
    const indexedDB = new IDBFactory();
    const tab = connect(indexedDB);
    const otherTab = connect(indexedDB);
    await createSyncStore(tab).writeFavorite(summary('first'), { saved: true }, T0_MS);
    expect(await titles(otherTab)).toEqual(['Title of first']);

    await createSyncStore(tab).writeFavorite(summary('second'), { saved: true }, T0_MS + 1);
    await createSyncStore(tab).writeFavorite(summary('first'), { saved: false }, T0_MS + 2);

    expect(await titles(otherTab)).toEqual(['Title of second']);
    expect(await syncFavoritesRepo(otherTab).count()).toBe(1);
  });

  it('keeps every favorite and its latest value through many merges, in this tab, another one and after a reopen', async () => {
    const indexedDB = new IDBFactory();
    const tab = connect(indexedDB);
    const otherTab = connect(indexedDB);
    await titles(otherTab);
    const slugs = Array.from({ length: 40 }, (_, i) => `fav-${String(i).padStart(2, '0')}`);
    // 400 writes: each favorite saved, then its note rewritten nine times, interleaved.
    for (let round = 0; round < 10; round++) {
      for (const [i, slug] of slugs.entries()) {
        const patch = round === 0 ? { saved: true } : { note: `round ${round}` };
        await createSyncStore(tab).writeFavorite(summary(slug), patch, T0_MS + round * 1_000 + i);
      }
    }

    const segments = await tab.favoriteSegments.count();
    expect(segments).toBeGreaterThan(0);
    expect(segments).toBeLessThan(MAX_SEGMENTS);
    for (const db of [tab, otherTab, connect(indexedDB)]) {
      const list = await syncFavoritesRepo(db).list();
      expect(list).toHaveLength(slugs.length);
      expect(new Set(list.map((f) => f.note))).toEqual(new Set(['round 9']));
      expect(list[0]?.article.title).toBe('Title of fav-39');
    }
  });

  it('forgets a write whose transaction failed, even when another tab reuses its segment id', async () => {
    const indexedDB = new IDBFactory();
    const tab = connect(indexedDB);
    const otherTab = connect(indexedDB);
    const store = createSyncStore(tab);
    await store.writeFavorite(summary('kept'), { saved: true }, T0_MS);
    tab.syncMeta.hook('updating', () => {
      throw new Error('disk full');
    });
    await expect(store.writeFavorite(summary('lost'), { saved: true }, T0_MS + 1)).rejects.toThrow('disk full');

    // The aborted transaction's segment id is free again: the other tab's segment takes it.
    await createSyncStore(otherTab).writeFavorite(summary('written'), { saved: true }, T0_MS + 2);

    expect(await titles(tab)).toEqual(['Title of written', 'Title of kept']);
    expect(await titles(otherTab)).toEqual(['Title of written', 'Title of kept']);
  });
});

describe('upgrading the local database from schema v3 (a row per favorite) to segments', () => {
  it('keeps every record, its article summary, the outbox and the sync state', async () => {
    const indexedDB = new IDBFactory();
    const saved = applyFavoritePatch(null, { saved: true, note: 'kept' }, remoteHlc(T0_MS), summary('saved').id).record;
    const removed = applyFavoritePatch(null, { saved: false }, remoteHlc(T0_MS + 1), summary('removed').id).record;
    const orphan = applyFavoritePatch(null, { saved: true }, remoteHlc(T0_MS + 2), summary('orphan').id).record;
    const v3 = new Dexie(dbNameForUser(USER), { indexedDB, IDBKeyRange });
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    await v3.table('records').bulkPut([recordRow(saved, saved, undefined), recordRow(removed, removed, undefined), recordRow(orphan, orphan, undefined)]);
    // The orphan's article went missing (a damaged database): its record is kept, not listed.
    await v3.table('articles').bulkPut([{ ...storableArticle(summary('saved')), body: '<p>offline</p>' }, storableArticle(summary('removed'))]);
    await v3.table('outbox').add({ id: 3, op: 'favorite.set.v1', args: { articleId: saved.articleId, note: 'kept' }, hlc: remoteHlc(T0_MS), queuedAtMs: T0_MS });
    await v3.table('syncMeta').put({ ...initialSyncMeta(), nextMutationId: 4, cursor: 'cursor-7' });
    v3.close();

    const upgraded = connect(indexedDB);
    const store = createSyncStore(upgraded);

    expect(await syncFavoritesRepo(upgraded).list()).toEqual([
      expect.objectContaining({ articleId: saved.articleId, note: 'kept', article: summary('saved') }),
    ]);
    expect((await storedEntry(upgraded, removed.articleId))?.view.saved.value).toBe(false);
    expect((await storedEntry(upgraded, orphan.articleId))?.confirmed).toEqual(orphan);
    expect((await store.pending(10)).map((entry) => entry.id)).toEqual([3]);
    expect(await store.meta()).toMatchObject({ nextMutationId: 4, cursor: 'cursor-7' });
    expect((await upgraded.articles.get(saved.articleId))?.body).toBe('<p>offline</p>');
    expect(upgraded.tables.map((table) => table.name)).not.toContain('records');
  });
});
