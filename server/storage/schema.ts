/**
 * Table shapes for Kysely, shared by every adapter (SQLite now, PostgreSQL in Phase 2).
 * Times are integers in milliseconds since the epoch (`*_ms`); booleans are 0/1 integers,
 * which both SQLite and PostgreSQL (smallint) store without a driver-specific type.
 * HLC strings are `''` for a register that was never written (see core/favoriteRecord).
 */
import type { ColumnType, Generated } from 'kysely';

export interface UsersTable {
  /** UUIDv7. */
  id: string;
  username: string;
  /** argon2id PHC string. */
  password_hash: string;
  created_at_ms: number;
}

export type TokenKind = 'session' | 'api';

export interface AuthTokensTable {
  /** SHA-256 of the raw token, hex: the raw token is never stored. */
  token_hash: string;
  user_id: string;
  kind: TokenKind;
  name: string;
  created_at_ms: number;
  last_used_at_ms: number;
  /** null: never expires (API tokens); sessions slide forward on use. */
  expires_at_ms: number | null;
}

export interface ArticlesTable {
  /** Stable integer key for the full-text index (a TEXT primary key has no stable rowid). */
  seq: Generated<number>;
  id: string;
  url: string;
  title: string;
  author: string;
  excerpt: string;
  body: string;
  image_url: string | null;
  reading_minutes: number;
  published_at_ms: number;
  created_at_ms: number;
}

/**
 * A favorite as LWW registers (protocol.md). `version` is the space version of its last change,
 * its tags' included, so a pull reads a space's changes from this one table's version index.
 */
export interface FavoritesTable {
  user_id: string;
  article_id: string;
  saved: number;
  saved_hlc: string;
  note: string;
  note_hlc: string;
  public: number;
  public_hlc: string;
  version: number;
  /**
   * A summary of the favorite's tag registers, written with them (favoriteRecordRows'
   * `tagSummary`): the latest tag HLC (`''` with none) and the active tags joined by commas.
   * The favorites page reads these instead of `favorite_tags`, which stays the truth.
   */
  tags_hlc: string;
  active_tags: string;
}

/** One `on` register per (favorite, tag). */
export interface FavoriteTagsTable {
  user_id: string;
  article_id: string;
  tag: string;
  active: number;
  hlc: string;
  version: number;
}

/** Sync scopes (`u:<userId>`, later `c:<collectionId>`); version counts committed changes. */
export interface SpacesTable {
  id: string;
  version: number;
  /** The largest HLC written in this space (the server clock never starts below it). */
  hlc_high: ColumnType<string, string | undefined, string>;
}

/** Small key/value facts the server keeps about itself (e.g. the HLC high-water mark). */
export interface ServerMetaTable {
  key: string;
  value: string;
}

/** A sync client (one device's outbox): the user it belongs to and the last mutation processed. */
export interface SyncClientsTable {
  client_id: string;
  user_id: string;
  last_mutation_id: number;
  created_at_ms: number;
  last_seen_at_ms: number;
}

export interface Database {
  users: UsersTable;
  auth_tokens: AuthTokensTable;
  articles: ArticlesTable;
  favorites: FavoritesTable;
  favorite_tags: FavoriteTagsTable;
  spaces: SpacesTable;
  server_meta: ServerMetaTable;
  sync_clients: SyncClientsTable;
}
