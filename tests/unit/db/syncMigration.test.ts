import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Favorite } from '../../../src/contract';
import { createSyncStore, dbNameForUser, FavoritesDb, syncFavoritesRepo } from '../../../src/db';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_VERSION } from '../../../src/db/schema';
import { applyFavoritePatch } from '../../../src/core/favoriteRecord';
import { storableArticle } from '../../../src/db/articlesRepo';
import { initialSyncMeta } from '../../../src/db/initialSyncMeta';
import { recordRow } from '../../../src/db/recordRow';
import { favorite, storedEntry, summary } from './fixtures';
import { change, pullPage, remoteHlc } from './syncFixtures';

const USER = 'user-1';
let indexedDB: IDBFactory;
let db: FavoritesDb | undefined;

afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** A database exactly as schema v1 shipped it, holding `favorites`. */
async function shippedV1Database(favorites: Favorite[]): Promise<void> {
  const v1 = new Dexie(dbNameForUser(USER), { indexedDB, IDBKeyRange });
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('favorites').bulkPut(favorites);
  // As v1's repository wrote them: each favorite's article beside it, except the first one's.
  await v1.table('articles').bulkPut(favorites.slice(1).map((f) => ({ ...f.article, storedAt: f.savedAt })));
  v1.close();
}

const openCurrent = () => (db = new FavoritesDb(USER, { indexedDB, IDBKeyRange }));

describe('upgrading the local database from schema v1 to the current one', () => {
  it('keeps every favorite saved before sync, newest first, with its note, visibility and tags', async () => {
    indexedDB = new IDBFactory();
    const older = { ...favorite('older', '2024-06-01T09:00:00.000Z'), note: 'keep me', tags: ['css'] };
    const newer = { ...favorite('newer', '2024-06-02T09:00:00.000+02:00'), public: true };
    await shippedV1Database([older, newer]);

    const upgraded = openCurrent();

    const list = await syncFavoritesRepo(upgraded).list();
    expect(list.map((f) => [f.articleId, f.savedAt, f.note, f.public, f.tags])).toEqual([
      [newer.articleId, '2024-06-02T07:00:00.000Z', '', true, []],
      [older.articleId, '2024-06-01T09:00:00.000Z', 'keep me', false, ['css']],
    ]);
    const record = await storedEntry(upgraded, older.articleId);
    expect(record?.confirmed).toBeNull();
    // v3 dropped the v1 table once `records` held its favorites.
    expect(upgraded.tables.map((table) => table.name)).not.toContain('favorites');
  });

  it('gives the device a client id and starts mutation ids at 1 with no cursor', async () => {
    indexedDB = new IDBFactory();
    await shippedV1Database([favorite('one', '2024-06-01T09:00:00.000Z')]);

    const meta = await openCurrent().syncMeta.toArray();

    expect(meta).toHaveLength(1);
    expect(meta[0]).toMatchObject({ nextMutationId: 1, cursor: null });
    expect(meta[0]!.clientId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(meta[0]!.clock.clientId).toBe(meta[0]!.clientId);
  });

  it('gives a newly created database the same fresh sync state', async () => {
    indexedDB = new IDBFactory();
    const meta = await openCurrent().syncMeta.toArray();
    expect(meta).toEqual([expect.objectContaining({ nextMutationId: 1, cursor: null })]);
  });

  it('lets the first pull override a favorite carried over from v1, register by register', async () => {
    indexedDB = new IDBFactory();
    const carried = { ...favorite('carried', '2024-06-01T09:00:00.000Z'), note: 'old note', public: true };
    await shippedV1Database([carried]);
    const upgraded = openCurrent();

    // The server removed it long ago (an HLC from 1970 still beats the carried-over ones).
    await createSyncStore(upgraded).applyPull(
      pullPage([change('carried', remoteHlc(5), { saved: { value: false, hlc: remoteHlc(5) } })]),
      1_000,
    );

    expect(await syncFavoritesRepo(upgraded).list()).toEqual([]);
    expect((await storedEntry(upgraded, carried.articleId))?.view.note.value).toBe('');
  });
});

/** A database exactly as schema v2 shipped it: records, outbox and sync state of one device. */
async function shippedV2Database(): Promise<{ savedId: string; removedId: string }> {
  const v2 = new Dexie(dbNameForUser(USER), { indexedDB, IDBKeyRange });
  v2.version(1).stores(SCHEMA_V1);
  v2.version(2).stores(SCHEMA_V2);
  await v2.open();
  const saved = applyFavoritePatch(null, { saved: true, note: 'kept' }, remoteHlc(10), summary('saved').id).record;
  const removed = applyFavoritePatch(null, { saved: false }, remoteHlc(11), summary('removed').id).record;
  await v2.table('records').bulkPut([recordRow(saved, saved, undefined), recordRow(removed, null, undefined)]);
  await v2.table('articles').bulkPut([summary('saved'), summary('removed')].map((article) => storableArticle(article)));
  await v2.table('outbox').add({ id: 7, op: 'favorite.set.v1', args: { articleId: removed.articleId, saved: false }, hlc: remoteHlc(11, 'thisdevice'), queuedAtMs: 11 });
  await v2.table('syncMeta').put({ ...initialSyncMeta(), nextMutationId: 8, cursor: 'cursor-9' });
  v2.close();
  return { savedId: saved.articleId, removedId: removed.articleId };
}

describe('upgrading the local database from schema v2 to v3', () => {
  it('keeps every record, queued write and the sync state, and drops only the v1 table', async () => {
    indexedDB = new IDBFactory();
    const { savedId, removedId } = await shippedV2Database();

    const upgraded = openCurrent();
    const store = createSyncStore(upgraded);

    expect(upgraded.verno).toBe(SCHEMA_VERSION);
    expect((await syncFavoritesRepo(upgraded).list()).map((f) => [f.articleId, f.note])).toEqual([[savedId, 'kept']]);
    expect((await storedEntry(upgraded, removedId))?.view.saved.value).toBe(false);
    expect((await store.pending(10)).map((entry) => entry.id)).toEqual([7]);
    expect(await store.meta()).toMatchObject({ nextMutationId: 8, cursor: 'cursor-9' });
    expect(upgraded.tables.map((table) => table.name)).not.toContain('favorites');
  });
});
