/**
 * The pg connection pool of the PostgreSQL adapter. Two things differ from pg's defaults:
 * - int8 (bigint: versions, millisecond times, counts) comes back as a JavaScript number, not a
 *   string, so rows match the shared table types; a value beyond 2^53 throws rather than
 *   silently losing digits (none is expected: versions and times stay far below it);
 * - with a `schema`, every pooled connection starts with `search_path` set to it, so all the
 *   shared queries (unqualified table names) and the migrations run inside that schema.
 * The parsers are per pool (pg's `types` option), not pg's global registry, so other pg users
 * in the process are unaffected.
 * - every parameterised statement (all of Kysely's) runs as a named prepared statement, so
 *   PostgreSQL parses and plans it once per connection, not on every execution (see
 *   preparedStatementName).
 */
import pg from 'pg';

/** Connections per pool (per server process): enough for concurrent pushes on a 2-core host. */
export const POOL_SIZE_DEFAULT = 10;
/** PostgreSQL's type oid of int8 (bigint), also count(*)'s result type. */
const INT8_OID = 20;
/** Plain lower-case identifiers only: the name goes into a connection option and DDL unquoted. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresPoolOptions {
  /** The PostgreSQL schema holding every table; the server's default search_path when absent. */
  readonly schema?: string | undefined;
  readonly poolSize?: number | undefined;
}

export class InvalidSchemaNameError extends Error {
  override readonly name = 'InvalidSchemaNameError';
  readonly code = 'invalid_schema_name';
}

export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new InvalidSchemaNameError(`PostgreSQL schema "${schema}" must be lower-case letters, digits and _, at most 63`);
  }
  return schema;
}

function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 ${text} is beyond JavaScript's safe integers`);
  return value;
}

const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** Statements with more parameters than this (long `in (...)` lists) stay unnamed: each arity is a new text. */
const NAMED_PARAMETERS_MAX = 32;
/** Distinct statement texts named per process; later ones run unnamed. Bounds each connection's prepared statements. */
const NAMED_STATEMENTS_MAX = 1_000;
const statementNames = new Map<string, string>();

/**
 * The prepared-statement name for `text`, or undefined to run it unnamed. Kysely sends its
 * statements unnamed, and PostgreSQL then parses and plans each one on every execution: a
 * large share of its CPU per request, since every request runs a few small indexed
 * statements. pg prepares a named statement on a connection the first time it runs there.
 */
export function preparedStatementName(text: string, parameterCount: number): string | undefined {
  if (parameterCount === 0 || parameterCount > NAMED_PARAMETERS_MAX) return undefined;
  let name = statementNames.get(text);
  if (name === undefined) {
    if (statementNames.size >= NAMED_STATEMENTS_MAX) return undefined;
    name = `favorites_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

type Query = (...args: unknown[]) => Promise<unknown>;

/** Statements whose prepared plan a migration made unusable on that connection. */
const staleStatements = new WeakMap<pg.PoolClient, Set<string>>();

/**
 * PostgreSQL refuses a prepared statement whose result columns changed since it was prepared
 * (`select *` of a table a migration gave a column) with this error; the text runs fine unnamed.
 */
function isStalePlan(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan must not change result type');
}

/**
 * The statement as a named prepared one. If a migration made its plan stale on this connection,
 * it runs unnamed from then on, there; inside a transaction the first failure still fails it
 * (PostgreSQL aborted the transaction), outside one it is retried at once.
 */
async function runNamed(client: pg.PoolClient, query: Query, name: string, text: string, values: unknown[]): Promise<unknown> {
  try {
    return await query({ name, text, values });
  } catch (error) {
    if (!isStalePlan(error)) throw error;
    let stale = staleStatements.get(client);
    if (!stale) staleStatements.set(client, (stale = new Set()));
    stale.add(name);
    try {
      return await query(text, values);
    } catch {
      throw error;
    }
  }
}

/** Makes `client.query(text, values)` (how Kysely calls it) run named, prepared statements. */
function prepareStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values)) {
      const name = preparedStatementName(text, values.length);
      if (name !== undefined && !staleStatements.get(client)?.has(name)) return runNamed(client, query, name, text, values);
    }
    return query(...args);
  }) as typeof client.query;
}

export function createPostgresPool(url: string, options: PostgresPoolOptions = {}): pg.Pool {
  const schema = options.schema === undefined ? undefined : assertSchemaName(options.schema);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? POOL_SIZE_DEFAULT,
    types: typeParsers,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection that breaks (a database restart, a network blip) is dropped by the pool
  // and replaced on the next checkout; without a listener pg's 'error' event would crash the
  // process. Queries in flight still fail and their callers see it.
  pool.on('error', () => {});
  pool.on('connect', prepareStatements);
  return pool;
}
