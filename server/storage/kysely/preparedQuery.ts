/**
 * Queries built and compiled once, run many times with new values. Kysely builds an
 * immutable operation tree and compiles it to SQL on EVERY call; on the hot paths (the
 * session lookup of each request, the ten-odd statements of a push) that was 15% of the
 * server's CPU under the user-mix benchmark, more than SQLite spent running them.
 *
 * `preparedQuery(build)` defines one; a storage's `PreparedQueries` calls `build` once with placeholder parameters, compiles
 * it, and remembers which bound parameters are placeholders; each run copies the compiled
 * query with the caller's values in their places. The SQL text is the same each time, so the
 * driver's statement cache (SQLite) or server-side plan (PostgreSQL) is reused too.
 *
 * The rule for `build`: a parameter may only be handed to Kysely as a value (`where(col,
 * '=', p.x)`, `values({ col: p.x })`, `limit(p.n)`); JavaScript must not look at it (no `if
 * (p.x)`, no `p.list.length`): at build time it is a placeholder object. Queries whose shape
 * depends on the values (`in` lists of any length, optional clauses) stay unprepared. A
 * placeholder that does not come out as a bound parameter fails the first run loudly.
 */
import { createQueryId, type CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';
import type { Database } from '../schema';

/** A query to prepare: `build` must only pass its params to Kysely as values (see above). */
export interface PreparedQuery<P extends object, R> {
  readonly build: (db: Kysely<Database>, params: P) => Compilable<R>;
}

export function preparedQuery<P extends object, R>(build: (db: Kysely<Database>, params: P) => Compilable<R>): PreparedQuery<P, R> {
  return { build };
}

class Placeholder {
  constructor(readonly name: string) {}
}

interface Compiled {
  readonly query: CompiledQuery;
  /** For each bound parameter: the name of the caller's value to put there, or null (a constant). */
  readonly slots: readonly (string | null)[];
}

/**
 * The compiled queries of ONE storage (one dialect): created with it and shared by all its
 * transactions, like its statement cache.
 */
export class PreparedQueries {
  readonly #compiled = new Map<PreparedQuery<object, unknown>, Compiled>();

  /** Runs `definition` on `db` (the database or one of its transactions) with `params`. */
  async run<P extends object, R>(definition: PreparedQuery<P, R>, db: Kysely<Database>, params: P): Promise<QueryResult<R>> {
    let compiled = this.#compiled.get(definition as PreparedQuery<object, unknown>);
    if (!compiled) {
      compiled = compile(definition, db);
      this.#compiled.set(definition as PreparedQuery<object, unknown>, compiled);
    }
    const { query, slots } = compiled;
    const values = params as Record<string, unknown>;
    const parameters = slots.map((name, index) => (name === null ? query.parameters[index] : values[name]));
    return db.executeQuery<R>({ ...query, parameters, queryId: createQueryId() });
  }

  /** The first row, or undefined (like `executeTakeFirst`). */
  async first<P extends object, R>(definition: PreparedQuery<P, R>, db: Kysely<Database>, params: P): Promise<R | undefined> {
    return (await this.run(definition, db, params)).rows[0];
  }
}

function compile<P extends object, R>(definition: PreparedQuery<P, R>, db: Kysely<Database>): Compiled {
  const names = new Set<string>();
  const placeholders = new Proxy({} as P, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      names.add(name);
      return new Placeholder(name);
    },
  });
  const query = definition.build(db, placeholders).compile();
  const slots = query.parameters.map((value) => (value instanceof Placeholder ? value.name : null));
  const unbound = [...names].filter((name) => !slots.includes(name));
  if (unbound.length > 0) throw new Error(`prepared query: ${unbound.join(', ')} never became a bound parameter:\n${query.sql}`);
  return { query, slots };
}
