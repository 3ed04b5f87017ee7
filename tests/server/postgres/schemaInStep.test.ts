/**
 * The two adapters' schemas stay in step: the same migrations by name, and after them the same
 * tables, columns and indexes by name, read from each database's own catalogs. A migration
 * added to one adapter alone fails here. The only differences allowed are each database's
 * full-text machinery, listed below.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../../server/storage/postgres/openPostgresStorage';
import { postgresMigrations } from '../../../server/storage/postgres/migrations';
import { openSqliteStorage } from '../../../server/storage/sqlite/openSqliteStorage';
import { sqliteMigrations } from '../../../server/storage/sqlite/migrations';
import { postgresTestSchema } from '../../support/postgresSchema';
import { probePostgres } from '../../support/services';
import { tempDatabaseFile } from '../support/tempDir';

/** SQLite's FTS5 index: a virtual table and its shadow tables. */
const SQLITE_ONLY_TABLE = /^articles_fts/;
/** PostgreSQL's counterpart: a tsvector column and its GIN index. */
const POSTGRES_ONLY_COLUMNS = ['articles.search_vector'];
const POSTGRES_ONLY_INDEXES = ['articles_search'];
/** Kysely's bookkeeping, present in both. */
const MIGRATION_TABLE = /^kysely_migration/;

interface SchemaShape {
  /** `table.column`, sorted. */
  readonly columns: string[];
  /** Index names, primary keys and unique constraints' automatic indexes left out; sorted. */
  readonly indexes: string[];
}

async function sqliteShape(): Promise<SchemaShape> {
  const file = tempDatabaseFile();
  await (await openSqliteStorage(file)).close();
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .all()
      .map((row) => row.name)
      .filter((name) => !SQLITE_ONLY_TABLE.test(name) && !MIGRATION_TABLE.test(name));
    const columns = tables.flatMap((table) =>
      db.prepare<[], { name: string }>(`select name from pragma_table_info('${table}')`).all().map((row) => `${table}.${row.name}`),
    );
    const indexes = db
      .prepare<[], { name: string }>(
        "select name from sqlite_master where type = 'index' and name not like 'sqlite_autoindex_%' and tbl_name not like 'kysely_%'",
      )
      .all()
      .map((row) => row.name);
    return { columns: columns.sort(), indexes: indexes.sort() };
  } finally {
    db.close();
  }
}

const pg = await probePostgres();

describe.skipIf(!pg.available)('the PostgreSQL schema', () => {
  const schema = postgresTestSchema('step');

  beforeAll(async () => {
    await (await openPostgresStorage(schema.url, { schema: schema.schema })).close();
  });

  afterAll(async () => {
    await schema.drop();
  });

  async function postgresShape(): Promise<SchemaShape> {
    const columns = await schema.query<{ name: string }>(
      `select table_name || '.' || column_name as name from information_schema.columns
       where table_schema = $1 and table_name not like 'kysely\\_%'`,
      [schema.schema],
    );
    // Constraint-backed indexes (primary keys, unique columns) are named by each database its own way.
    const indexes = await schema.query<{ name: string }>(
      `select i.indexname as name from pg_indexes i
       where i.schemaname = $1 and i.tablename not like 'kysely\\_%'
         and not exists (select 1 from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                         where n.nspname = i.schemaname and c.conname = i.indexname)`,
      [schema.schema],
    );
    return {
      columns: columns.map((row) => row.name).filter((name) => !POSTGRES_ONLY_COLUMNS.includes(name)).sort(),
      indexes: indexes.map((row) => row.name).filter((name) => !POSTGRES_ONLY_INDEXES.includes(name)).sort(),
    };
  }

  it('runs the same migrations as SQLite, by name and in order', async () => {
    expect(Object.keys(await postgresMigrations.getMigrations())).toEqual(Object.keys(await sqliteMigrations.getMigrations()));
    const applied = await schema.query<{ name: string }>('select name from kysely_migration order by name');
    expect(applied.map((row) => row.name)).toEqual(Object.keys(await sqliteMigrations.getMigrations()).sort());
  });

  it('has the same tables and columns as SQLite', async () => {
    expect((await postgresShape()).columns).toEqual((await sqliteShape()).columns);
  });

  it('has the same indexes as SQLite', async () => {
    expect((await postgresShape()).indexes).toEqual((await sqliteShape()).indexes);
  });

  it('compares and orders every HLC and key column byte-wise (collation "C"), as JavaScript does', async () => {
    const textColumns = await schema.query<{ name: string; collation: string | null }>(
      `select table_name || '.' || column_name as name, collation_name as collation from information_schema.columns
       where table_schema = $1 and data_type = 'text' and (column_name like '%hlc' or column_name like '%id' or column_name in ('tag', 'key', 'value'))`,
      [schema.schema],
    );
    expect(textColumns.length).toBeGreaterThan(10);
    expect(textColumns.filter((column) => column.collation !== 'C')).toEqual([]);
  });
});
