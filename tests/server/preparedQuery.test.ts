import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preparedQuery, PreparedQueries } from '../../server/storage/kysely/preparedQuery';
import type { Database } from '../../server/storage/schema';
import { FavoritesSqliteDialect } from '../../server/storage/sqlite/sqliteDialect';
import { migrateToLatest } from '../../server/storage/sqlite/openSqliteStorage';
import { tempDatabaseFile } from './support/tempDir';

let userByIdBuilds = 0;
const userById = preparedQuery((db, p: { id: string }) => {
  userByIdBuilds += 1;
  return db.selectFrom('users').select(['id', 'username']).where('id', '=', p.id);
});
/** A constant bound parameter (created_at_ms) beside the caller's values. */
const insertUser = preparedQuery((db, p: { id: string; username: string }) =>
  db.insertInto('users').values({ id: p.id, username: p.username, password_hash: 'x', created_at_ms: 42 }),
);

describe('prepared queries', () => {
  let db: Kysely<Database>;
  let queries: PreparedQueries;
  let statements: string[];

  beforeEach(async () => {
    userByIdBuilds = 0;
    statements = [];
    db = new Kysely<Database>({
      dialect: new FavoritesSqliteDialect({ database: new BetterSqlite3(tempDatabaseFile()) }),
      log: (event) => {
        statements.push(event.query.sql);
      },
    });
    await migrateToLatest(db);
    statements = [];
    queries = new PreparedQueries();
  });
  afterEach(() => db.destroy());

  it('runs one compiled statement with the values of each call, constants kept', async () => {
    await queries.run(insertUser, db, { id: 'u1', username: 'ada' });
    await queries.run(insertUser, db, { id: 'u2', username: 'grace' });
    expect(await queries.first(userById, db, { id: 'u2' })).toEqual({ id: 'u2', username: 'grace' });
    expect(await queries.first(userById, db, { id: 'u1' })).toEqual({ id: 'u1', username: 'ada' });
    expect(await queries.first(userById, db, { id: 'nobody' })).toBeUndefined();
    const [created] = await sql<{ created_at_ms: number }>`select created_at_ms from users where id = 'u2'`.execute(db).then((r) => r.rows);
    expect(created?.created_at_ms).toBe(42);
    // Built and compiled once for the storage, however often it runs.
    expect(userByIdBuilds).toBe(1);
    expect(statements.filter((text) => text.includes('"username" from "users"'))).toHaveLength(3);
  });

  it('runs inside a transaction, on its connection', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await queries.run(insertUser, trx, { id: 'u3', username: 'lin' });
        expect(await queries.first(userById, trx, { id: 'u3' })).toEqual({ id: 'u3', username: 'lin' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await queries.first(userById, db, { id: 'u3' })).toBeUndefined();
  });

  it('refuses a query whose parameter does not end up bound (its shape would depend on the value)', async () => {
    const shaped = preparedQuery((kysely, p: { limit: number }) =>
      // JavaScript looks at the value: at build time it is a placeholder, so this is wrong.
      kysely.selectFrom('users').select('id').limit(Number(p.limit) || 10),
    );
    await expect(queries.run(shaped, db, { limit: 5 })).rejects.toThrow(/limit never became a bound parameter/);
  });
});
