/**
 * The SQLite adapter: opens the file, sets the pragmas, runs the migrations and returns the
 * Storage. better-sqlite3 is synchronous and has one connection; Kysely serialises queries
 * on it, so transactions never interleave within the process.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, sql } from 'kysely';
import { ArticleSummaryCache } from '../kysely/articleSummaryCache';
import { createRepositories } from '../kysely/createRepositories';
import { PreparedQueries } from '../kysely/preparedQuery';
import type { Database } from '../schema';
import type { Storage, StorageObservers } from '../types';
import { sqliteMigrations } from './migrations';
import { sqliteBulkLoader } from './sqliteBulkLoader';
import { sqliteFavoriteList } from './sqliteFavoritePage';
import { BUSY_WAIT_MS, FavoritesSqliteDialect } from './sqliteDialect';
import { sqliteTextSearch } from './sqliteTextSearch';
import { withStatementCache } from './statementCache';

/** Page cache per connection (negative = KiB): holds the hot index pages of a 1M-row table. */
const CACHE_SIZE_KIB = 64 * 1024;
/**
 * Reads map the file instead of copying pages through read(2). With WORKERS several processes
 * share the file, and SQLite drops a connection's whole page cache whenever another process
 * committed since its last read; mapped pages survive that (the kernel's page cache is shared),
 * so a reset costs nothing. WORKERS=2 user mix: p99 290 → 156 ms (docs/benchmarks.md).
 * Address space only: the kernel loads what is touched; 1 GiB covers a 1M-favorite file.
 */
const MMAP_SIZE_BYTES = 1024 * 1024 * 1024;

function applyPragmas(sqlite: BetterSqlite3.Database): void {
  // WAL: readers never block the writer; NORMAL sync is durable across process crashes
  // (a power loss can lose the last transactions, never corrupt the file).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // How long a single write waits for another process's write lock (transactions wait without blocking: sqliteDialect.ts).
  sqlite.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
  sqlite.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma(`mmap_size = ${MMAP_SIZE_BYTES}`);
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: sqliteMigrations });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${String(error)}`);
}

export async function openSqliteStorage(databaseFile: string, observers: StorageObservers = {}): Promise<Storage> {
  const { onQuery } = observers;
  const sqlite = new BetterSqlite3(databaseFile);
  let db: Kysely<Database> | undefined;
  try {
    applyPragmas(sqlite);
    db = new Kysely<Database>({
      dialect: new FavoritesSqliteDialect({ database: withStatementCache(sqlite) }),
      // Kysely times every query it runs (begin/commit included); failed ones count too.
      ...(onQuery ? { log: (event) => onQuery(event.queryDurationMillis) } : {}),
    });
    await migrateToLatest(db);
  } catch (error) {
    if (db) await db.destroy();
    else sqlite.close();
    throw error;
  }
  const kysely = db;
  const articleCache = new ArticleSummaryCache();
  const queries = new PreparedQueries();
  const repositoriesOn = (handle: Kysely<Database>) => createRepositories(handle, sqliteTextSearch, articleCache, queries);
  const repositories = repositoriesOn(kysely);
  return {
    ...repositories,
    // The favorites page on prepared statements (hot path); transactions keep the Kysely store.
    favorites: { ...repositories.favorites, list: sqliteFavoriteList(sqlite, articleCache, repositories.favorites.list, onQuery) },
    transaction: (work) => kysely.transaction().execute((trx) => work(repositoriesOn(trx))),
    // A deferred transaction (sqliteDialect.ts): a snapshot from its first read, no write lock.
    read: (work) =>
      kysely
        .transaction()
        .setAccessMode('read only')
        .execute((trx) => work(repositoriesOn(trx))),
    bulk: sqliteBulkLoader(kysely, sqlite),
    async ping() {
      await sql`select 1`.execute(kysely);
    },
    async close() {
      // Lets SQLite refresh its planner statistics where they are stale (cheap; recommended on close).
      await sql`pragma optimize`.execute(kysely);
      await kysely.destroy();
    },
  };
}
