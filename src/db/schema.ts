/**
 * The local database's schema, every version in one place.
 *
 * Dexie upgrades an existing database by replaying the versions it has not seen yet, so a
 * version, once shipped, is never edited: a change is a new `db.version(n + 1)` entry below
 * (with an `.upgrade()` when rows must be rewritten).
 */
import type { Dexie, Transaction } from 'dexie';
import type { Favorite } from '../contract';
import { initialSyncMeta } from './initialSyncMeta';
import { legacyFavorite } from './legacyFavorite';
import { recordRow } from './recordRow';
import type { StoredArticle } from './StoredArticle';
import type { SyncRecordRow } from './SyncRecordRow';
import { storableArticle } from './articlesRepo';

/** Primary key first, then indexes (Dexie's schema syntax). */
export const SCHEMA_V1 = {
  /** Article summaries from lists, and full articles (with `body`) the user opened or saved. */
  articles: 'id, publishedAt',
  /** The API's `Favorite` shape; `savedAt` is indexed for the newest-first list. */
  favorites: 'articleId, savedAt',
} as const;

/**
 * Sync (protocol.md, "Client outbox"). `favorites` stays until the app reads `records`
 * (v3 drops it).
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  /** Favorites as LWW registers (`SyncRecordRow`); `savedAt` is only set on saved ones. */
  records: 'articleId, savedAt',
  /** Queued writes by mutation id; by article for rollbacks and rebases. */
  outbox: 'id, args.articleId',
  /** One row: device id, clock, next mutation id, pull cursor. */
  syncMeta: 'id',
} as const;

/** The app reads and writes `records` only: v1's `favorites` table goes (v2 copied it into `records`). */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  favorites: null,
} as const;

export const SCHEMA_VERSION = 3;

export function declareSchema(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  db.version(3).stores(SCHEMA_V3);
  // A database created at v2 or later runs no upgrade: it gets its sync state here.
  db.on('populate', (tx) => tx.table('syncMeta').add(initialSyncMeta()));
}

/** Every favorite saved before sync becomes a record the first pull overrides; none is lost. */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const favorites: Favorite[] = await tx.table('favorites').toArray();
  const records: SyncRecordRow[] = favorites.map((favorite) => {
    const legacy = legacyFavorite(favorite);
    return recordRow(legacy.record, null, legacy);
  });
  await tx.table('records').bulkPut(records);
  // v1 stored each favorite's article beside it; restore any that went missing, since a
  // record without its article cannot be listed.
  const articles: (StoredArticle | undefined)[] = await tx.table('articles').bulkGet(favorites.map((f) => f.articleId));
  const missing = favorites.filter((_, i) => !articles[i]).map((f) => storableArticle(f.article));
  if (missing.length) await tx.table('articles').bulkPut(missing);
  await tx.table('syncMeta').add(initialSyncMeta());
}
