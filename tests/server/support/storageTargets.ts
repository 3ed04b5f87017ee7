/**
 * The storage adapters the server tests run on: SQLite always, PostgreSQL when it answers
 * (else, outside CI, the tests on it are left out with a printed reason: tests/support/services.ts).
 * A test file does `describe.each(storageTargets)(…, (target) => { const db = useStorage(target); … })`
 * and gets a fresh, empty storage per test: a new SQLite file, or on PostgreSQL one schema per
 * file (created once, dropped at the end) emptied before each test, which is much cheaper
 * than migrating a new schema every time.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { openPostgresStorage } from '../../../server/storage/postgres/openPostgresStorage';
import { openSqliteStorage } from '../../../server/storage/sqlite/openSqliteStorage';
import type { Storage } from '../../../server/storage/types';
import { postgresTestSchema, type PostgresTestSchema } from '../../support/postgresSchema';
import { probePostgres } from '../../support/services';
import { tempDatabaseFile } from './tempDir';

/** Where a storage keeps its data, in the form `createServer` takes. */
export type DatabaseLocation = { readonly databaseFile: string } | { readonly databaseUrl: string; readonly databaseSchema: string };

export interface StorageTarget {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** Per-file set-up; returns the per-test database factory and the per-file clean-up. */
  prepare(): Promise<PreparedTarget>;
}

interface PreparedTarget {
  /** A fresh, empty database for one test. */
  fresh(): Promise<TestDatabase>;
  dispose(): Promise<void>;
}

interface TestDatabase {
  readonly location: DatabaseLocation;
  /** Opens a storage on this database (again: a restart sees the same data). */
  open(): Promise<Storage>;
  /** Rows as stored, read through a separate connection; `sql` must be valid on both databases. */
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
}

const sqlite: StorageTarget = {
  name: 'SQLite',
  async prepare() {
    return {
      async fresh() {
        const databaseFile = tempDatabaseFile();
        return {
          location: { databaseFile },
          open: () => openSqliteStorage(databaseFile),
          async rows<T>(sql: string) {
            const db = new BetterSqlite3(databaseFile, { readonly: true });
            try {
              return db.prepare(sql).all() as T[];
            } finally {
              db.close();
            }
          },
        };
      },
      async dispose() {},
    };
  },
};

async function emptyTables(schema: PostgresTestSchema): Promise<void> {
  const tables = await schema.query<{ tablename: string }>(
    "select tablename from pg_tables where schemaname = $1 and tablename not like 'kysely\\_%'",
    [schema.schema],
  );
  if (tables.length === 0) return;
  await schema.query(`truncate ${tables.map((t) => t.tablename).join(', ')} restart identity cascade`);
}

const postgres: StorageTarget = {
  name: 'PostgreSQL',
  async prepare() {
    const schema = postgresTestSchema('storage');
    const location = { databaseUrl: schema.url, databaseSchema: schema.schema };
    const open = () => openPostgresStorage(schema.url, { schema: schema.schema, poolSize: 4 });
    // Create the schema and its tables once per file.
    await (await open()).close();
    return {
      async fresh() {
        await emptyTables(schema);
        return { location, open, rows: (sql) => schema.query(sql) };
      },
      dispose: () => schema.drop(),
    };
  },
};

const postgresProbe = await probePostgres();

export const storageTargets: readonly StorageTarget[] = postgresProbe.available ? [sqlite, postgres] : [sqlite];

export interface StorageUnderTest extends TestDatabase {
  /** The storage opened on the test's fresh database (closed after the test). */
  readonly storage: Storage;
}

/**
 * Registers the hooks: per file, prepare the target; per test, a fresh database with a storage
 * open on it. Read the fields inside tests and hooks (they change per test).
 */
export function useStorage(target: StorageTarget): StorageUnderTest {
  let prepared: PreparedTarget | undefined;
  let database: TestDatabase | undefined;
  let storage: Storage | undefined;
  beforeAll(async () => {
    prepared = await target.prepare();
  });
  beforeEach(async () => {
    database = await prepared!.fresh();
    storage = await database.open();
  });
  afterEach(async () => {
    await storage?.close();
    storage = undefined;
  });
  afterAll(async () => {
    await prepared?.dispose();
  });
  const current = () => {
    if (!database || !storage) throw new Error(`no ${target.name} storage outside a test`);
    return { database, storage };
  };
  return {
    get storage() {
      return current().storage;
    },
    get location() {
      return current().database.location;
    },
    open: () => current().database.open(),
    rows: (sql) => current().database.rows(sql),
  };
}
