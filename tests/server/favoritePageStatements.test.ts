/**
 * Each adapter's favorites page fast path (SQLite: prepared statements; PostgreSQL: one
 * statement with the tags folded in; rows mapped straight to the API) must answer exactly what
 * the shared Kysely store answers: same items, same order, same cursors, for every filter. The
 * Kysely store runs on its own connection to the same database.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FavoritePage } from '../../src/contract';
import { favoriteFields, type FavoriteRecord } from '../../src/core/favoriteRecord';
import { formatHlc } from '../../src/core/hlc';
import { ArticleSummaryCache } from '../../server/storage/kysely/articleSummaryCache';
import { PreparedQueries } from '../../server/storage/kysely/preparedQuery';
import { favoriteStore } from '../../server/storage/kysely/favoriteStore';
import type { Database } from '../../server/storage/schema';
import { createPostgresPool } from '../../server/storage/postgres/createPostgresPool';
import { postgresTextSearch } from '../../server/storage/postgres/postgresTextSearch';
import { hlcIso } from '../../server/storage/kysely/favoritePageRows';
import { FavoritesSqliteDialect } from '../../server/storage/sqlite/sqliteDialect';
import { sqliteTextSearch } from '../../server/storage/sqlite/sqliteTextSearch';
import type { FavoriteListOptions, FavoriteStore, Storage, StoredUser } from '../../server/storage/types';
import { addArticles, addUser, article } from './support/fixtures';
import { storageTargets, useStorage, type DatabaseLocation } from './support/storageTargets';

const at = (wallMs: number, clientId = 'server') => formatHlc(wallMs, 0, clientId);
const DAY_MS = 86_400_000;
const BASE_MS = Date.UTC(2026, 0, 1);

/** The shared Kysely store on its own connection to the database at `location`. */
function referenceKysely(location: DatabaseLocation): { kysely: Kysely<Database>; store: FavoriteStore } {
  if ('databaseFile' in location) {
    const kysely = new Kysely<Database>({ dialect: new FavoritesSqliteDialect({ database: new BetterSqlite3(location.databaseFile) }) });
    return { kysely, store: favoriteStore(kysely, sqliteTextSearch, new ArticleSummaryCache(), new PreparedQueries()) };
  }
  const pool = createPostgresPool(location.databaseUrl, { schema: location.databaseSchema, poolSize: 1 });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, store: favoriteStore(kysely, postgresTextSearch, new ArticleSummaryCache(), new PreparedQueries()) };
}

describe.each(storageTargets)('on $name', (target) => {
  const db = useStorage(target);
  let storage: Storage;
  let kysely: Kysely<Database>;
  let reference: FavoriteStore;
  let ada: StoredUser;
  let bob: StoredUser;

  beforeEach(async () => {
    storage = db.storage;
    ({ kysely, store: reference } = referenceKysely(db.location));
    ada = await addUser(storage, 'ada');
    bob = await addUser(storage, 'bob');

    const articles = await addArticles(
      storage,
      Array.from({ length: 30 }, (_, i) => article(`s-${i}`, { title: i % 3 === 0 ? `Zebra ${i}` : `Title ${i}` })),
    );
    // Ada: 27 favorites (three saved in the same millisecond), notes, public flags and tags;
    // Bob: a few of the same articles, so user isolation is visible.
    await storage.bulk.insertFavorites([
      ...articles.slice(0, 27).map((a, i) => ({
        userId: ada.id,
        articleId: a.id,
        savedHlc: at(BASE_MS + (i >= 10 && i < 13 ? 10 : i) * DAY_MS),
        ...(i % 4 === 0 ? { note: `note ${i}` } : {}),
        ...(i % 5 === 0 ? { public: true } : {}),
        ...(i % 2 === 0 ? { tags: i % 6 === 0 ? ['zeta', 'alpha', 'mid'] : ['alpha'] } : {}),
      })),
      ...articles.slice(20).map((a, i) => ({ userId: bob.id, articleId: a.id, savedHlc: at(BASE_MS + i), tags: ['alpha'] })),
    ]);
    // Later writes on some of Ada's favorites: a removed tag (updatedAt moves, tags shrink),
    // a note edited from another device, and a removed favorite (tombstone).
    const rewrite = async (articleId: string, change: (record: FavoriteRecord) => FavoriteRecord) => {
      const before = await storage.favorites.loadRecord(ada.id, articleId);
      await storage.transaction((tx) => tx.favorites.writeRecord(ada.id, before, change(before!), 100));
    };
    await rewrite(articles[6]!.id, (r) => ({ ...r, tags: { ...r.tags, mid: { value: false, hlc: at(BASE_MS + 400 * DAY_MS, 'phone') } } }));
    await rewrite(articles[8]!.id, (r) => ({ ...r, note: { value: 'edited', hlc: at(BASE_MS + 300 * DAY_MS, 'laptop') } }));
    await rewrite(articles[3]!.id, (r) => ({ ...r, saved: { value: false, hlc: at(BASE_MS + 200 * DAY_MS) } }));
  });

  afterEach(async () => {
    await kysely.destroy();
  });

  /** Every page of a listing, following nextCursor. */
  async function allPages(list: FavoriteStore['list'], userId: string, options: FavoriteListOptions): Promise<FavoritePage[]> {
    const pages: FavoritePage[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(userId, { ...options, cursor });
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return pages;
  }

  describe('the favorites page fast path', () => {
    it.each([
      ['every favorite, one page', { limit: 50 }],
      ['every favorite, pages of 4', { limit: 4 }],
      ['every favorite, pages of 1', { limit: 1 }],
      ['a tag, pages of 3', { limit: 3, tag: 'alpha' }],
      ['a removed tag only where it is still active', { limit: 2, tag: 'mid' }],
      ['a tag nobody uses', { limit: 5, tag: 'none' }],
      ['a search term', { limit: 2, q: 'zebra' }],
    ] as const)('answer %s exactly as the Kysely store does', async (_name, options) => {
      for (const user of [ada, bob]) {
        const fast = await allPages(storage.favorites.list, user.id, options);
        expect(fast).toStrictEqual(await allPages(reference.list, user.id, options));
      }
    });

    it('show dates, notes, flags and sorted active tags as favoriteFields does', async () => {
      const items = (await storage.favorites.list(ada.id, { limit: 50 })).items;
      expect(items).toHaveLength(26);
      for (const item of items) {
        const record = await storage.favorites.loadRecord(ada.id, item.articleId);
        const { article: _article, collectionIds, ...fields } = item;
        expect(fields).toStrictEqual(favoriteFields(record!));
        expect(collectionIds).toEqual([]);
      }
      const withRemovedTag = items.find((item) => item.updatedAt === new Date(BASE_MS + 400 * DAY_MS).toISOString());
      expect(withRemovedTag?.tags).toEqual(['alpha', 'zeta']);
    });

    it('never show another user the page of someone else', async () => {
      const bobs = (await storage.favorites.list(bob.id, { limit: 50 })).items;
      expect(bobs).toHaveLength(10);
      expect(bobs.every((item) => item.tags.join() === 'alpha' && item.note === '')).toBe(true);
    });

    it('inside an open transaction read what that transaction wrote, through Kysely', async () => {
      const [extra] = await addArticles(storage, [article('extra')]);
      const seen = await storage.transaction(async (tx) => {
        await tx.favorites.writeRecord(
          ada.id,
          null,
          { articleId: extra!.id, saved: { value: true, hlc: at(BASE_MS + 999 * DAY_MS) }, note: { value: '', hlc: '' }, public: { value: false, hlc: '' }, tags: {} },
          101,
        );
        return (await tx.favorites.list(ada.id, { limit: 1 })).items[0]?.articleId;
      });
      expect(seen).toBe(extra!.id);
      expect((await storage.favorites.list(ada.id, { limit: 1 })).items[0]?.articleId).toBe(extra!.id);
    });

    it('reject a cursor from another list as a validation error', async () => {
      await expect(storage.favorites.list(ada.id, { limit: 5, cursor: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });
  });

});

describe('hlcIso', () => {
  it('gives the wall time of an HLC as an ISO string, and the epoch for a register never written', () => {
    expect(hlcIso(at(BASE_MS, 'device-1'))).toBe('2026-01-01T00:00:00.000Z');
    expect(hlcIso('')).toBe('1970-01-01T00:00:00.000Z');
  });

  it('refuses a string that is not an HLC', () => {
    expect(() => hlcIso('2026-01-01T00:00:00Z')).toThrow(/invalid HLC/);
    expect(() => hlcIso('00000000000000x-0000-a')).toThrow(/invalid HLC/);
  });
});
