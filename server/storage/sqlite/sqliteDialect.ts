/**
 * Kysely's SQLite dialect with these changes:
 * - transactions start with BEGIN IMMEDIATE, so a transaction that reads and then writes
 *   takes the write lock up front instead of failing with SQLITE_BUSY halfway when another
 *   process (another worker of WORKERS, a backup) holds it. While that process holds it, the
 *   wait is asynchronous: SQLite's own busy handler sleeps inside the synchronous call and
 *   would freeze this process's event loop (every request it serves) for 1, 2, 5, 10… ms;
 *   here the BEGIN fails at once (busy_timeout 0 for that statement) and is retried from the
 *   event loop until BUSY_WAIT_MS has passed;
 * - a read-only transaction (`setAccessMode('read only')`: Storage.read) starts with a plain,
 *   deferred BEGIN: in WAL mode it reads a snapshot and takes no lock that a writer waits for;
 * - DDL runs in transactions (SQLite supports it; Kysely assumes not), so a failed
 *   migration leaves the schema as it was.
 */
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';

/** How long a transaction waits for another process's write lock before failing with SQLITE_BUSY. */
export const BUSY_WAIT_MS = 5_000;
/** Retries after the first few (on the next turn of the event loop) wait this long at most. */
const MAX_RETRY_DELAY_MS = 8;
const IMMEDIATE_RETRIES = 3;

const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const BEGIN_DEFERRED = CompiledQuery.raw('begin');
const FAIL_WHEN_BUSY = 'pragma busy_timeout = 0';
const WAIT_WHEN_BUSY = `pragma busy_timeout = ${BUSY_WAIT_MS}`;

function isBusy(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_BUSY';
}

function retryDelay(attempt: number): Promise<void> {
  if (attempt < IMMEDIATE_RETRIES) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => setTimeout(resolve, Math.min(2 ** (attempt - IMMEDIATE_RETRIES), MAX_RETRY_DELAY_MS)));
}

/** Our dialect's config: the database itself (not a factory), so the driver can set pragmas on it. */
export interface FavoritesSqliteDialectConfig extends SqliteDialectConfig {
  readonly database: SqliteDatabase;
}

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #database: SqliteDatabase;
  /** The two busy_timeout settings, prepared once (every write transaction runs both). */
  readonly #settings = new Map<string, ReturnType<SqliteDatabase['prepare']>>();

  constructor(config: FavoritesSqliteDialectConfig) {
    super(config);
    this.#database = config.database;
  }

  /** A connection setting, run on the database directly: not a query, so not logged or timed. */
  #setting(pragma: string): void {
    let statement = this.#settings.get(pragma);
    if (!statement) this.#settings.set(pragma, (statement = this.#database.prepare(pragma)));
    statement.all([]);
  }

  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    if (settings?.accessMode === 'read only') {
      await connection.executeQuery(BEGIN_DEFERRED);
      return;
    }
    const deadline = performance.now() + BUSY_WAIT_MS;
    for (let attempt = 0; ; attempt += 1) {
      // Every other statement keeps SQLite's blocking wait: they are single, short writes.
      this.#setting(FAIL_WHEN_BUSY);
      try {
        await connection.executeQuery(BEGIN_IMMEDIATE);
        return;
      } catch (error) {
        if (!isBusy(error) || performance.now() >= deadline) throw error;
      } finally {
        this.#setting(WAIT_WHEN_BUSY);
      }
      await retryDelay(attempt);
    }
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class FavoritesSqliteDialect extends SqliteDialect {
  readonly #config: FavoritesSqliteDialectConfig;

  constructor(config: FavoritesSqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
