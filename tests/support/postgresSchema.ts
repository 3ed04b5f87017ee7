/**
 * A fresh PostgreSQL schema per test file (or per contract target), so test files running in
 * parallel never see each other's rows, and dropped afterwards. The storage opener creates the
 * schema and its tables; `query` reads rows as stored through its own connection (int8 as
 * numbers, like the storage's pool), for tests that check what reached the database.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createPostgresPool } from '../../server/storage/postgres/createPostgresPool';
import { postgresUrl } from './services';

export interface PostgresTestSchema {
  readonly url: string;
  readonly schema: string;
  /** Rows of `text` run inside the schema. */
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  /** Drops the schema and everything in it, and closes the query connection. */
  drop(): Promise<void>;
}

/** `t_<pid>_<random>`: unique across parallel workers and runs; lower-case as schema names must be. */
export function uniqueSchemaName(prefix = 't'): string {
  return `${prefix}_${process.pid}_${randomBytes(5).toString('hex')}`;
}

export function postgresTestSchema(prefix?: string): PostgresTestSchema {
  const url = postgresUrl();
  const schema = uniqueSchemaName(prefix);
  let pool: pg.Pool | undefined;
  const connection = () => (pool ??= createPostgresPool(url, { schema, poolSize: 2 }));
  return {
    url,
    schema,
    async query<T>(text: string, values: unknown[] = []) {
      return (await connection().query(text, values)).rows as T[];
    },
    async drop() {
      const admin = connection();
      try {
        await admin.query(`drop schema if exists ${schema} cascade`);
      } finally {
        pool = undefined;
        await admin.end();
      }
    },
  };
}
