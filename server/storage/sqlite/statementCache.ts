/**
 * Kysely's SQLite driver prepares every query anew. Preparing a join costs tens of
 * microseconds, as much as running it, so the database handed to Kysely keeps the most
 * recently used statements by SQL text (queries are parameterised: the text set is small).
 * Safe because Kysely runs one query at a time on the single connection.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

export const STATEMENT_CACHE_MAX = 256;

export function withStatementCache(db: BetterSqlite3.Database, maxStatements = STATEMENT_CACHE_MAX): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        // Re-insert to mark it most recently used (a Map iterates in insertion order).
        statements.delete(sql);
      } else {
        statement = db.prepare(sql);
        if (statements.size >= maxStatements) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
    close() {
      statements.clear();
      db.close();
    },
  };
}
