/**
 * The storage interface the server is written against. One adapter per database
 * (`sqlite/` now, `postgres/` in Phase 2); the Kysely repositories in `kysely/` hold the
 * queries both share, and each adapter supplies only what differs (full-text search, bulk
 * loading, connection setup, migrations).
 */
import type { Article, ArticlePage, ArticleSummary, Favorite, FavoritePage } from '../../src/contract';
import type { FavoriteRecord } from '../../src/core/favoriteRecord';
import type { TokenKind } from './schema';

export type { TokenKind };

export interface StoredUser {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly createdAtMs: number;
}

export interface StoredToken {
  /** SHA-256 of the raw token, hex. */
  readonly tokenHash: string;
  readonly userId: string;
  readonly kind: TokenKind;
  readonly name: string;
  readonly createdAtMs: number;
  readonly lastUsedAtMs: number;
  /** null: never expires. */
  readonly expiresAtMs: number | null;
}

export interface UserStore {
  /** 'username_taken' when another account already has that username. */
  create(user: StoredUser): Promise<'created' | 'username_taken'>;
  findByUsername(username: string): Promise<StoredUser | null>;
  findById(id: string): Promise<StoredUser | null>;
}

export interface TokenStore {
  create(token: StoredToken): Promise<void>;
  /** The token and its user, when the token exists and has not expired at `nowMs`. */
  findActive(tokenHash: string, nowMs: number): Promise<{ token: StoredToken; user: StoredUser } | null>;
  touch(tokenHash: string, lastUsedAtMs: number, expiresAtMs: number | null): Promise<void>;
  revoke(tokenHash: string): Promise<void>;
  /** Removes tokens expired at `nowMs`; returns how many. */
  deleteExpired(nowMs: number): Promise<number>;
}

export interface ArticleListOptions {
  readonly limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  readonly cursor?: string | undefined;
  readonly q?: string | undefined;
}

export interface ArticleStore {
  count(): Promise<number>;
  /** Inserts articles whose id is not there yet; existing ones are left as they are. */
  insertMany(articles: readonly Article[], createdAtMs: number): Promise<void>;
  get(id: string): Promise<Article | null>;
  /** Which of `ids` are in the catalogue (one query, no bodies read). */
  existingIds(ids: readonly string[]): Promise<Set<string>>;
  /** Newest first (publishedAt, then id, descending); `q` searches title, excerpt and body. */
  list(options: ArticleListOptions): Promise<ArticlePage>;
}

export interface FavoriteListOptions {
  readonly limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  readonly cursor?: string | undefined;
  /** Only favorites carrying this (normalised) tag. */
  readonly tag?: string | undefined;
  /** Every word must occur in the article's title or excerpt, the note or a tag. */
  readonly q?: string | undefined;
}

export interface FavoriteSearchOptions {
  /** Every word must occur in the article's title, excerpt or body, the note or a tag. */
  readonly q: string;
  readonly limit: number;
}

export interface FavoriteStore {
  /** The user's saved favorites, newest saved first, each with its article summary. */
  list(userId: string, options: FavoriteListOptions): Promise<FavoritePage>;
  /** The user's saved favorites marked public, newest saved first (the public profile page). */
  listPublic(userId: string, options: { readonly limit: number; readonly cursor?: string | undefined }): Promise<FavoritePage>;
  /** Full-text search over the user's saved favorites, newest saved first; one page only. */
  search(userId: string, options: FavoriteSearchOptions): Promise<FavoritePage>;
  /** One saved favorite in its API form; null when absent or removed. */
  get(userId: string, articleId: string): Promise<Favorite | null>;
  /** Every register of one favorite (tags included, removed ones too); null when never written. */
  loadRecord(userId: string, articleId: string): Promise<FavoriteRecord | null>;
  /**
   * Writes the registers of `after` that differ from `before`, stamped with the space `version`.
   * The favorite row takes the version whenever anything changed, tags included.
   */
  writeRecord(userId: string, before: FavoriteRecord | null, after: FavoriteRecord, version: number): Promise<void>;
  /**
   * The user's favorites changed after `after` = (version, articleId), ordered by
   * (version, articleId), at most `limit`: each with every register (removed tags and
   * tombstones too) and its article summary.
   */
  changesAfter(userId: string, after: readonly [number, string], limit: number): Promise<StoredFavoriteChange[]>;
}

export interface StoredFavoriteChange {
  readonly record: FavoriteRecord;
  /** The space version of the favorite's last change. */
  readonly version: number;
  readonly article: ArticleSummary;
}

export interface StoredSyncClient {
  readonly clientId: string;
  readonly userId: string;
  readonly lastMutationId: number;
}

export interface SyncClientStore {
  get(clientId: string): Promise<StoredSyncClient | null>;
  /** Registers a new client of `userId` at lastMutationId 0. */
  create(clientId: string, userId: string, nowMs: number): Promise<StoredSyncClient>;
  /** Records the last processed mutation id and when the client was last seen. */
  advance(clientId: string, lastMutationId: number, nowMs: number): Promise<void>;
}

export interface SpaceStore {
  /** Creates the space at version 0 when missing. */
  ensure(spaceId: string): Promise<void>;
  /** Increments the space's version (creating the space when missing) and returns the new one. */
  bump(spaceId: string): Promise<number>;
  /** Current version; 0 for a space never written. */
  version(spaceId: string): Promise<number>;
}

export interface MetaStore {
  /** The largest HLC ever stored (any space, and bulk loads), so a restarted server clock never stamps lower. */
  hlcHighWater(): Promise<string | null>;
  /**
   * Raises `spaceId`'s high-water mark to `hlc` when it is larger. Call it inside the write
   * transaction after the space's version bump: the row is locked by then, so no other
   * space's writers wait on it.
   */
  raiseHlcHighWater(spaceId: string, hlc: string): Promise<void>;
}

/** A favorite to bulk-load: saved, stamped `savedHlc` on every register it sets. */
export interface BulkFavorite {
  readonly userId: string;
  readonly articleId: string;
  readonly savedHlc: string;
  readonly note?: string;
  readonly public?: boolean;
  /** Already normalised (lower-case words, as the contract's Tag schema makes them). */
  readonly tags?: readonly string[];
}

/**
 * Fast paths for seeding large data sets (benchmarks, imports): one transaction per call,
 * prepared statements, no per-row round trips. Rows are stamped with space versions like any
 * other write, so a later pull sees them.
 */
export interface BulkLoader {
  insertUsers(users: readonly StoredUser[]): Promise<void>;
  /** Inserts new favorites (an existing (user, article) pair is an error). */
  insertFavorites(favorites: readonly BulkFavorite[]): Promise<void>;
}

export interface Repositories {
  readonly users: UserStore;
  readonly tokens: TokenStore;
  readonly articles: ArticleStore;
  readonly favorites: FavoriteStore;
  readonly spaces: SpaceStore;
  readonly meta: MetaStore;
  readonly syncClients: SyncClientStore;
}

export interface Storage extends Repositories {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * `work` may run MORE THAN ONCE: PostgreSQL runs it at REPEATABLE READ and re-runs it when a
   * concurrent transaction made it conflict (no lost update). So `work` must have no effect
   * outside the transaction (publish, respond) — do that after it resolves.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /**
   * Runs reads that must see one consistent snapshot (a pull: lastMutationId and the changes),
   * without the write lock a transaction takes: on SQLite a deferred transaction, which other
   * processes' writers never block and never wait for; on PostgreSQL REPEATABLE READ READ
   * ONLY, which never conflicts, so it runs once. `work` must not write (PostgreSQL refuses it).
   */
  read<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  readonly bulk: BulkLoader;
  /** Resolves when the database answers a trivial query (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Told how long each database query took, in milliseconds (the metrics' query histogram).
 * Called on the query path: it must be cheap and must not throw.
 */
export type QueryObserver = (durationMs: number) => void;

/** What every adapter's open function accepts besides its connection settings. */
export interface StorageObservers {
  /** Every query, transaction statements and fast paths included; absent: nothing is timed. */
  readonly onQuery?: QueryObserver | undefined;
}
