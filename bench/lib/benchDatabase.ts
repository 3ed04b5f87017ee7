/**
 * The database a benchmark seeds and queries: a SQLite file in the run's temporary directory
 * (default) or a fresh schema on PostgreSQL (`--db postgres`, at DATABASE_URL or this
 * machine's default), dropped at the end like the temporary directory. Everything that differs
 * between the two for the benchmark (opening the server's storage, measuring the footprint,
 * clean-up) lives here.
 */
import { statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { createPostgresPool } from '../../server/storage/postgres/createPostgresPool';
import { openPostgresStorage } from '../../server/storage/postgres/openPostgresStorage';
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage';
import type { Storage } from '../../server/storage/types';

export const BENCH_DATABASE_KINDS = ['sqlite', 'postgres'] as const;
export type BenchDatabaseKind = (typeof BENCH_DATABASE_KINDS)[number];
/** The PostgreSQL a benchmark uses when DATABASE_URL is unset (environment.md). */
export const BENCH_DATABASE_URL_DEFAULT = 'postgres://postgres@127.0.0.1:5432/test';

export type BenchDatabase =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema: string };

export interface DatabaseFootprint {
  /** SQLite: file + WAL. PostgreSQL: every table of the schema with its indexes and TOAST. */
  readonly bytes: number;
  /** The tables and indexes taking the most space, largest first. */
  readonly largestObjects: readonly { readonly name: string; readonly bytes: number }[];
}

/** How many of the largest tables and indexes the report names. */
const LARGEST_OBJECTS_SHOWN = 6;

export function databaseName(database: BenchDatabase): 'SQLite' | 'PostgreSQL' {
  return database.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
}

/** Where the data lives, for a log line (no password). */
export function databaseLocation(database: BenchDatabase): string {
  if (database.kind === 'sqlite') return database.file;
  const url = new URL(database.url);
  url.password = '';
  return `${url.toString()} (schema ${database.schema})`;
}

/** The server's own storage on the database, as a server process would open it. */
export function openBenchStorage(database: BenchDatabase): Promise<Storage> {
  return database.kind === 'sqlite'
    ? openSqliteStorage(database.file)
    : openPostgresStorage(database.url, { schema: database.schema });
}

function fileBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Space per table and index, from SQLite's dbstat virtual table. */
function sqliteFootprint(file: string): DatabaseFootprint {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const largestObjects = db
      .prepare('select name, sum(pgsize) as bytes from dbstat group by name order by bytes desc limit ?')
      .all(LARGEST_OBJECTS_SHOWN) as { name: string; bytes: number }[];
    return { bytes: fileBytes(file) + fileBytes(`${file}-wal`), largestObjects };
  } finally {
    db.close();
  }
}

async function postgresFootprint(url: string, schema: string): Promise<DatabaseFootprint> {
  const pool = createPostgresPool(url, { schema, poolSize: 1 });
  try {
    const total = await pool.query<{ bytes: number }>(
      `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes
       from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r'`,
      [schema],
    );
    // TOAST (long article bodies) counted with its table, as SQLite's overflow pages are.
    const objects = await pool.query<{ name: string; bytes: number }>(
      `select c.relname as name,
         (pg_relation_size(c.oid) + case when c.reltoastrelid = 0 then 0 else pg_total_relation_size(c.reltoastrelid) end)::bigint as bytes
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = $1 and c.relkind in ('r', 'i') order by bytes desc limit $2`,
      [schema, LARGEST_OBJECTS_SHOWN],
    );
    return { bytes: total.rows[0]?.bytes ?? 0, largestObjects: objects.rows };
  } finally {
    await pool.end();
  }
}

/** Measured after the storage is closed (SQLite's WAL is then checkpointed). */
export function databaseFootprint(database: BenchDatabase): Promise<DatabaseFootprint> {
  return database.kind === 'sqlite'
    ? Promise.resolve(sqliteFootprint(database.file))
    : postgresFootprint(database.url, database.schema);
}

/** Removes a PostgreSQL benchmark schema (a SQLite file goes with the run's temporary directory). */
export async function dropBenchDatabase(database: BenchDatabase): Promise<void> {
  if (database.kind !== 'postgres') return;
  const pool = createPostgresPool(database.url, { poolSize: 1 });
  try {
    await pool.query(`drop schema if exists ${database.schema} cascade`);
  } finally {
    await pool.end();
  }
}
