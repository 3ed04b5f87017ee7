/**
 * The PostgreSQL adapter (`DATABASE_URL`): a pg pool behind Kysely's PostgresDialect, the
 * migrations run at open (several instances may start at once: Kysely's migrator takes an
 * advisory lock), and the shared Kysely repositories with what PostgreSQL does differently:
 * tsvector search, set-based bulk loading, the favorites page and a favorite's registers in
 * one statement each, favorite writes buffered and written set-based at the end of each
 * transaction (bufferedFavoriteWrites.ts), and repeatable-read transactions retried on
 * conflict (repeatableReadTransaction.ts says why the write path needs them).
 */
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { ArticleSummaryCache } from '../kysely/articleSummaryCache';
import { createRepositories } from '../kysely/createRepositories';
import { PreparedQueries } from '../kysely/preparedQuery';
import type { Database } from '../schema';
import type { Repositories, Storage, StorageObservers } from '../types';
import { BufferedFavoriteWrites } from './bufferedFavoriteWrites';
import { createPostgresPool, type PostgresPoolOptions } from './createPostgresPool';
import { loadFavoriteChanges, loadFavoriteRecord } from './favoriteRegisterQueries';
import { postgresMigrations } from './migrations';
import { postgresBulkLoader } from './postgresBulkLoader';
import { postgresFavoriteList } from './postgresFavoritePage';
import { postgresTextSearch } from './postgresTextSearch';
import { repeatableReadTransaction } from './repeatableReadTransaction';

export type PostgresStorageOptions = PostgresPoolOptions & StorageObservers;

/** duplicate_schema, and unique_violation: two instances creating the schema at the same moment. */
const SCHEMA_EXISTS_SQLSTATES = new Set(['42P06', '23505']);

async function ensureSchema(db: Kysely<Database>, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    if (!SCHEMA_EXISTS_SQLSTATES.has(String((error as { code?: unknown }).code))) throw error;
  }
}

async function migrateToLatest(db: Kysely<Database>, schema: string | undefined): Promise<void> {
  const migrator = new Migrator({ db, provider: postgresMigrations, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${String(error)}`);
}

export async function openPostgresStorage(url: string, options: PostgresStorageOptions = {}): Promise<Storage> {
  const pool = createPostgresPool(url, options);
  const { onQuery } = options;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    // Kysely times every query it runs (begin/commit included); failed ones count too.
    ...(onQuery ? { log: (event) => onQuery(event.queryDurationMillis) } : {}),
  });
  try {
    if (options.schema) await ensureSchema(db, options.schema);
    await migrateToLatest(db, options.schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const articleCache = new ArticleSummaryCache();
  const queries = new PreparedQueries();
  /** The shared repositories with PostgreSQL's one-statement loadRecord and changesAfter. */
  const repositoriesOn = (handle: Kysely<Database>): Repositories => {
    const shared = createRepositories(handle, postgresTextSearch, articleCache, queries);
    return {
      ...shared,
      favorites: {
        ...shared.favorites,
        loadRecord: (userId, articleId) => loadFavoriteRecord(handle, userId, articleId),
        changesAfter: (userId, after, limit) => loadFavoriteChanges(handle, articleCache, userId, after, limit),
      },
    };
  };
  const repositories = repositoriesOn(db);
  return {
    ...repositories,
    // The favorites page in one statement (hot path); search and transactions keep the Kysely store.
    favorites: {
      ...repositories.favorites,
      list: postgresFavoriteList(pool, db, articleCache, repositories.favorites.list, onQuery),
    },
    transaction: (work) =>
      repeatableReadTransaction(db, async (trx) => {
        // Favorite writes are buffered and written as set-based statements before the commit.
        const writes = new BufferedFavoriteWrites(trx);
        const result = await work(writes.wrap(repositoriesOn(trx)));
        await writes.flush();
        return result;
      }),
    // Read only at REPEATABLE READ never fails to serialise: no retry, no write buffer.
    read: (work) =>
      db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute((trx) => work(repositoriesOn(trx))),
    bulk: postgresBulkLoader(db),
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      // Waits for queries in flight, then ends every pooled connection.
      await db.destroy();
    },
  };
}
