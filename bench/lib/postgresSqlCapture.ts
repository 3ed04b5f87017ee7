/**
 * The PostgreSQL twin of sqlCapture.ts: the server's own repositories on a Kysely handle that
 * logs every statement, with the adapter's favorites page fast path on a pool that logs its
 * statement too, so the benchmark can show the plans of exactly what the route runs and time
 * those statements alone, replayed through a raw pg connection (no Kysely, no mapping; the
 * round trip to the database stays in, as it is part of every query there).
 */
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { ArticleSummaryCache } from '../../server/storage/kysely/articleSummaryCache';
import { PreparedQueries } from '../../server/storage/kysely/preparedQuery';
import { createRepositories } from '../../server/storage/kysely/createRepositories';
import { createPostgresPool } from '../../server/storage/postgres/createPostgresPool';
import { postgresFavoriteList } from '../../server/storage/postgres/postgresFavoritePage';
import { postgresTextSearch } from '../../server/storage/postgres/postgresTextSearch';
import type { Database } from '../../server/storage/schema';
import type { CapturedStatement, SqlCapture } from './sqlCapture';

/** Opens a one-connection capture on an already migrated schema. */
export function openPostgresSqlCapture(url: string, schema: string): SqlCapture {
  const pool = createPostgresPool(url, { schema, poolSize: 1 });
  let recording: CapturedStatement[] | null = null;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      if (event.level === 'query' && recording) {
        recording.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
      }
    },
  });
  const query = (sql: string, parameters: readonly unknown[]): Promise<pg.QueryResult> => pool.query(sql, [...parameters]);
  // The page fast path queries the pool itself (no Kysely): record what it sends.
  const recordingPool = {
    query: (config: pg.QueryConfig) => {
      recording?.push({ sql: config.text, parameters: [...(config.values ?? [])] });
      return pool.query(config);
    },
  } as pg.Pool;
  // Its own article cache, as the server keeps one per storage: warm it before capturing.
  const articleCache = new ArticleSummaryCache();
  const shared = createRepositories(db, postgresTextSearch, articleCache, new PreparedQueries());
  const repositories = {
    ...shared,
    favorites: { ...shared.favorites, list: postgresFavoriteList(recordingPool, db, articleCache, shared.favorites.list) },
  };

  return {
    repositories,
    async capture(work) {
      const statements: CapturedStatement[] = [];
      recording = statements;
      try {
        return { result: await work(repositories), statements };
      } finally {
        recording = null;
      }
    },
    async queryPlan({ sql, parameters }) {
      const result = await query(`explain (analyze, buffers, costs off, timing off, summary off) ${sql}`, parameters);
      return result.rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
    },
    async replay(statements) {
      for (const { sql, parameters } of statements) await query(sql, parameters);
    },
    async close() {
      await db.destroy();
    },
  };
}
