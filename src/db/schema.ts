/**
 * The local database's schema, every version in one place.
 *
 * Dexie upgrades an existing database by replaying the versions it has not seen yet, so a
 * version, once shipped, is never edited: a change is a new `db.version(n + 1)` entry below
 * (with an `.upgrade()` when rows must be rewritten). Phase 3 adds the outbox and turns
 * favorites into LWW registers that way.
 */
import type { Dexie } from 'dexie';

/** Primary key first, then indexes (Dexie's schema syntax). */
export const SCHEMA_V1 = {
  /** Article summaries from lists, and full articles (with `body`) the user opened or saved. */
  articles: 'id, publishedAt',
  /** The API's `Favorite` shape; `savedAt` is indexed for the newest-first list. */
  favorites: 'articleId, savedAt',
} as const;

export const SCHEMA_VERSION = 1;

export function declareSchema(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
}
