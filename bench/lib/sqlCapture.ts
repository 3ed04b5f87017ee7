/**
 * Sees the SQL behind a storage call: runs the server's own repositories on a Kysely handle
 * that logs every statement, so the benchmark can show the query plan of exactly what the
 * route runs and time those statements alone (better-sqlite3, no Kysely, no mapping). Nothing
 * here copies the server's SQL, so the figures follow the server when its queries change.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { ArticleSummaryCache } from '../../server/storage/kysely/articleSummaryCache';
import { PreparedQueries } from '../../server/storage/kysely/preparedQuery';
import { createRepositories } from '../../server/storage/kysely/createRepositories';
import type { Database } from '../../server/storage/schema';
import { FavoritesSqliteDialect } from '../../server/storage/sqlite/sqliteDialect';
import { sqliteTextSearch } from '../../server/storage/sqlite/sqliteTextSearch';
import type { Repositories } from '../../server/storage/types';

/** The server's page cache size (openSqliteStorage), so replayed statements see the same cache. */
const CACHE_SIZE_KIB = 64 * 1024;

export interface CapturedStatement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

export interface SqlCapture {
  readonly repositories: Repositories;
  /** Runs `work` and returns the statements it executed, in order, with its result. */
  capture<T>(work: (repositories: Repositories) => Promise<T>): Promise<{ result: T; statements: CapturedStatement[] }>;
  /** The query plan of one statement, as an indented tree. */
  queryPlan(statement: CapturedStatement): string | Promise<string>;
  /**
   * Runs the statements on the raw connection (SQLite: prepared once per SQL text,
   * synchronously; PostgreSQL, postgresSqlCapture.ts: a promise).
   */
  replay(statements: readonly CapturedStatement[]): void | Promise<void>;
  close(): Promise<void>;
}

interface PlanRow {
  readonly id: number;
  readonly parent: number;
  readonly detail: string;
}

/** Opens a second, read-mostly connection to an already migrated database file. */
export function openSqlCapture(databaseFile: string): SqlCapture {
  const sqlite = new BetterSqlite3(databaseFile, { fileMustExist: true });
  sqlite.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
  let recording: CapturedStatement[] | null = null;
  const db = new Kysely<Database>({
    dialect: new FavoritesSqliteDialect({ database: sqlite }),
    log(event) {
      if (event.level === 'query' && recording) {
        recording.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
      }
    },
  });
  // Its own article cache, as the server keeps one per storage: warm it before capturing.
  const repositories = createRepositories(db, sqliteTextSearch, new ArticleSummaryCache(), new PreparedQueries());
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const statementFor = (sql: string) => {
    let statement = prepared.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      prepared.set(sql, statement);
    }
    return statement;
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
    queryPlan({ sql, parameters }) {
      const rows = sqlite.prepare(`explain query plan ${sql}`).all(...parameters) as PlanRow[];
      const depth = new Map<number, number>([[0, 0]]);
      return rows
        .map((row) => {
          const level = (depth.get(row.parent) ?? 0) + 1;
          depth.set(row.id, level);
          return `${'  '.repeat(level - 1)}${row.detail}`;
        })
        .join('\n');
    },
    replay(statements) {
      for (const { sql, parameters } of statements) {
        const statement = statementFor(sql);
        if (statement.reader) statement.all(...parameters);
        else statement.run(...parameters);
      }
    },
    async close() {
      prepared.clear();
      await db.destroy();
    },
  };
}
