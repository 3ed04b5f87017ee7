/**
 * The hot queries on PostgreSQL read an index range already in the order they return, like
 * their SQLite plans (syncQueryPlans.test.ts): a pull page, the favorites page, the public page
 * and a catalogue search. The tables here are tiny, so sequential scans are switched off for
 * the session: the test asks whether the index CAN serve the query without a sort, which is
 * what matters at 20,000 favorites per user.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresPool } from '../../../server/storage/postgres/createPostgresPool';
import { openPostgresStorage } from '../../../server/storage/postgres/openPostgresStorage';
import { postgresTestSchema } from '../../support/postgresSchema';
import { probePostgres } from '../../support/services';

const postgres = await probePostgres();

describe.skipIf(!postgres.available)('query plans on PostgreSQL', () => {
  const schema = postgresTestSchema('plans');

  // One connection, so the session setting holds for every EXPLAIN.
  let connection: pg.Pool | undefined;

  beforeAll(async () => {
    await (await openPostgresStorage(schema.url, { schema: schema.schema })).close();
    connection = createPostgresPool(schema.url, { schema: schema.schema, poolSize: 1 });
    await connection.query('set enable_seqscan = off');
  });

  afterAll(async () => {
    await connection?.end();
    await schema.drop();
  });

  async function planOf(statement: string, parameters: unknown[]): Promise<string> {
    const result = await connection!.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${statement}`, parameters);
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  }

  it('pulls a page of changes by a range scan of favorites_by_version, already in order', async () => {
    const plan = await planOf(
      `select f.article_id, f.version from favorites as f
       where f.user_id = $1 and (f.version, f.article_id) > ($2::bigint, $3)
       order by f.version, f.article_id limit 100`,
      ['u', 5, 'a'],
    );
    expect(plan).toMatch(/Index (Only )?Scan using favorites_by_version/);
    expect(plan).not.toMatch(/Sort/);
  });

  it("reads a user's favorites page backwards along favorites_page_covering, already in order", async () => {
    const plan = await planOf(
      `select f.article_id from favorites as f
       where f.user_id = $1 and f.saved = 1 and (f.saved_hlc, f.article_id) < ($2, $3)
       order by f.saved_hlc desc, f.article_id desc limit 51`,
      ['u', '001767225600000-0000-x', 'a'],
    );
    expect(plan).toMatch(/Index (Only )?Scan Backward using favorites_page_covering/);
    expect(plan).not.toMatch(/Sort/);
  });

  it("reads a user's public page from the partial index favorites_public_page, already in order", async () => {
    const plan = await planOf(
      `select f.article_id from favorites as f
       where f.user_id = $1 and f.saved = 1 and f.public = 1
       order by f.saved_hlc desc, f.article_id desc limit 51`,
      ['u'],
    );
    expect(plan).toMatch(/Index (Only )?Scan Backward using favorites_public_page/);
    expect(plan).not.toMatch(/Sort/);
  });

  it('searches the catalogue through the GIN index on search_vector', async () => {
    const plan = await planOf(`select id from articles where search_vector @@ to_tsquery('simple', search_fold($1))`, [
      "'rust':*AB",
    ]);
    expect(plan).toMatch(/Bitmap Index Scan on articles_search/);
  });
});
