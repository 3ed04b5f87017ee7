/**
 * The pool runs Kysely's statements (`client.query(text, values)`) as named prepared statements
 * (createPostgresPool.ts): planned once per connection, and still answered after a migration
 * changed the columns a prepared one returns.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresPool } from '../../../server/storage/postgres/createPostgresPool';
import { uniqueSchemaName } from '../../support/postgresSchema';
import { postgresUrl, probePostgres } from '../../support/services';

const postgres = await probePostgres();

describe.skipIf(!postgres.available)('prepared statements on PostgreSQL', () => {
  const schema = uniqueSchemaName('prepared');
  let admin: pg.Pool;
  let pool: pg.Pool;

  beforeAll(async () => {
    admin = new pg.Pool({ connectionString: postgresUrl(), max: 1 });
    await admin.query(`create schema ${schema}`);
    pool = createPostgresPool(postgresUrl(), { schema, poolSize: 1 });
  });

  afterAll(async () => {
    await pool?.end();
    await admin?.query(`drop schema if exists ${schema} cascade`);
    await admin?.end();
  });

  it('prepares a statement with parameters once per connection, and answers it after a migration added a column', async () => {
    const client = await pool.connect();
    try {
      await client.query('create table items (id int primary key, name text)', []);
      await client.query('insert into items values ($1, $2)', [1, 'one']);
      const select = 'select * from items where id = $1';
      expect((await client.query(select, [1])).rows).toEqual([{ id: 1, name: 'one' }]);
      const prepared = await client.query('select statement from pg_prepared_statements', []);
      expect(prepared.rows.map((row: { statement: string }) => row.statement)).toContain(select);

      await client.query('alter table items add column extra text', []);

      expect((await client.query(select, [1])).rows).toEqual([{ id: 1, name: 'one', extra: null }]);
      await client.query('begin', []);
      expect((await client.query(select, [1])).rows).toEqual([{ id: 1, name: 'one', extra: null }]);
      await client.query('commit', []);
    } finally {
      client.release();
    }
  });
});
