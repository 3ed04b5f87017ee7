/** Runs DDL statements one by one (pg's extended protocol takes one statement per query). */
import { sql, type Kysely } from 'kysely';

export async function runStatements(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
