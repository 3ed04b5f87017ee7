/**
 * Picks the storage adapter: PostgreSQL when a database URL is given (the scale-out tier,
 * several server instances on one database), else SQLite in a local file (one instance).
 * The PostgreSQL adapter (and pg) is loaded only when used, so a SQLite server starts as fast
 * as before it existed.
 */
import { openSqliteStorage } from './sqlite/openSqliteStorage';
import type { Storage, StorageObservers } from './types';

export interface StorageOptions extends StorageObservers {
  /** SQLite file (created when missing); used when `databaseUrl` is absent. */
  readonly databaseFile?: string | undefined;
  /** postgres:// URL: PostgreSQL instead of SQLite. */
  readonly databaseUrl?: string | undefined;
  /** PostgreSQL schema holding the tables (created when missing); default: the server's search_path. */
  readonly databaseSchema?: string | undefined;
}

export async function openStorage(options: StorageOptions): Promise<Storage> {
  const observers = { onQuery: options.onQuery };
  if (options.databaseUrl) {
    const { openPostgresStorage } = await import('./postgres/openPostgresStorage');
    return openPostgresStorage(options.databaseUrl, { schema: options.databaseSchema, ...observers });
  }
  if (options.databaseFile) return openSqliteStorage(options.databaseFile, observers);
  throw new TypeError('storage needs a databaseUrl (PostgreSQL) or a databaseFile (SQLite)');
}
