/**
 * The favorites page query: the storage call `GET /api/v1/favorites` makes
 * (`storage.favorites.list`, newest first, limit 50), timed in-process for random users, for
 * the first page and for the second (with the first page's cursor). The same calls are then
 * captured as SQL and replayed on a raw connection, which splits the cost between the database
 * and everything around it (Kysely, row mapping, promises), and their query plans are recorded.
 * Runs on SQLite or PostgreSQL (lib/benchDatabase.ts).
 */
import type { FavoritePage } from '../src/contract';
import { createRandom } from '../src/seed/random';
import { openBenchStorage, type BenchDatabase } from './lib/benchDatabase';
import { recordGcPauses, type GcPauses, type GcRecorder } from './lib/gcPauses';
import { microsSince, summarize, type LatencySummary } from './lib/percentiles';
import { openPostgresSqlCapture } from './lib/postgresSqlCapture';
import { openSqlCapture, type CapturedStatement, type SqlCapture } from './lib/sqlCapture';

export const PAGE_LIMIT = 50;
export const QUERY_CALLS_DEFAULT = 20_000;
export const QUERY_TARGET_P99_MICROS = 1_000;
const WARMUP_CALLS = 2_000;
/** Distinct users whose statements are captured for the SQLite-only replay. */
const CAPTURED_USERS = 2_000;
const SEED = 0x9e7;

export interface FavoritesQueryOptions {
  readonly database: BenchDatabase;
  readonly userIds: readonly string[];
  /** Timed calls per page (first and second page each). */
  readonly calls: number;
}

export interface FavoritesQueryResult {
  readonly calls: number;
  readonly firstPage: LatencySummary;
  readonly secondPage: LatencySummary;
  /** The same pages' SQL statements alone, replayed through better-sqlite3 or a raw pg connection. */
  readonly firstPageSql: LatencySummary;
  readonly secondPageSql: LatencySummary;
  /** Statement count per page call (the page query plus the tags of its rows). */
  readonly statementsPerPage: number;
  readonly firstPagePlans: readonly string[];
  readonly secondPagePlans: readonly string[];
  /** V8 pauses during the timed storage calls (both pages). */
  readonly gc: GcPauses;
}

class UnexpectedPageError extends Error {
  override readonly name = 'UnexpectedPageError';
}

function expectFullPage(page: FavoritePage, which: string): string | null {
  if (page.items.length !== PAGE_LIMIT) {
    throw new UnexpectedPageError(`${which} page held ${page.items.length} favorites, expected ${PAGE_LIMIT}`);
  }
  return page.nextCursor;
}

async function timeStorageCalls(options: FavoritesQueryOptions): Promise<{ first: number[]; second: number[]; gc: GcPauses }> {
  const storage = await openBenchStorage(options.database);
  const random = createRandom(SEED);
  const first: number[] = [];
  const second: number[] = [];
  // Started after the warm-up, so only the timed calls' pauses are counted.
  let gc: GcRecorder | undefined;
  try {
    const total = WARMUP_CALLS + options.calls;
    for (let call = 0; call < total; call += 1) {
      if (call === WARMUP_CALLS) gc = recordGcPauses();
      const userId = random.pick(options.userIds);
      let startNs = process.hrtime.bigint();
      const firstPage = await storage.favorites.list(userId, { limit: PAGE_LIMIT });
      const firstMicros = microsSince(startNs);
      const cursor = expectFullPage(firstPage, 'first');
      if (!cursor) throw new UnexpectedPageError('the first page has no cursor: seed at least two pages per user');
      startNs = process.hrtime.bigint();
      const secondPage = await storage.favorites.list(userId, { limit: PAGE_LIMIT, cursor });
      const secondMicros = microsSince(startNs);
      expectFullPage(secondPage, 'second');
      if (call >= WARMUP_CALLS) {
        first.push(firstMicros);
        second.push(secondMicros);
      }
    }
    const pauses = await gc?.stop();
    gc = undefined;
    if (!pauses) throw new RangeError('no timed calls');
    return { first, second, gc: pauses };
  } finally {
    await gc?.stop();
    await storage.close();
  }
}

async function timeSqlAlone(options: FavoritesQueryOptions): Promise<{
  first: number[];
  second: number[];
  statementsPerPage: number;
  firstPagePlans: string[];
  secondPagePlans: string[];
}> {
  const { database } = options;
  const sql: SqlCapture =
    database.kind === 'sqlite' ? openSqlCapture(database.file) : openPostgresSqlCapture(database.url, database.schema);
  const random = createRandom(SEED + 1);
  try {
    // Same warm-up as the timed calls: the storage's in-memory caches fill as a server's would.
    for (let call = 0; call < WARMUP_CALLS; call += 1) {
      await sql.repositories.favorites.list(random.pick(options.userIds), { limit: PAGE_LIMIT });
    }
    const calls: { first: CapturedStatement[]; second: CapturedStatement[] }[] = [];
    for (let user = 0; user < Math.min(CAPTURED_USERS, options.userIds.length); user += 1) {
      const userId = random.pick(options.userIds);
      const first = await sql.capture((repositories) => repositories.favorites.list(userId, { limit: PAGE_LIMIT }));
      const cursor = first.result.nextCursor ?? undefined;
      const second = await sql.capture((repositories) =>
        repositories.favorites.list(userId, { limit: PAGE_LIMIT, cursor }),
      );
      calls.push({ first: first.statements, second: second.statements });
    }
    const sample = calls.at(-1)!;
    const firstTimes: number[] = [];
    const secondTimes: number[] = [];
    // Replay the captured calls round-robin until there are as many samples as timed calls.
    for (let call = 0; call < WARMUP_CALLS + options.calls; call += 1) {
      const { first, second } = calls[call % calls.length]!;
      // SQLite replays synchronously: no await, so no promise tick is timed that the server would not pay.
      let startNs = process.hrtime.bigint();
      const firstReplay = sql.replay(first);
      if (firstReplay) await firstReplay;
      const firstMicros = microsSince(startNs);
      startNs = process.hrtime.bigint();
      const secondReplay = sql.replay(second);
      if (secondReplay) await secondReplay;
      const secondMicros = microsSince(startNs);
      if (call >= WARMUP_CALLS) {
        firstTimes.push(firstMicros);
        secondTimes.push(secondMicros);
      }
    }
    const plans = async (statements: readonly CapturedStatement[]) => {
      const described: string[] = [];
      for (const statement of statements) described.push(`${statement.sql}\n--\n${await sql.queryPlan(statement)}`);
      return described;
    };
    return {
      first: firstTimes,
      second: secondTimes,
      statementsPerPage: sample.first.length,
      firstPagePlans: await plans(sample.first),
      secondPagePlans: await plans(sample.second),
    };
  } finally {
    await sql.close();
  }
}

export async function measureFavoritesQuery(options: FavoritesQueryOptions): Promise<FavoritesQueryResult> {
  const storageTimes = await timeStorageCalls(options);
  const sqlTimes = await timeSqlAlone(options);
  return {
    calls: options.calls,
    firstPage: summarize(storageTimes.first),
    secondPage: summarize(storageTimes.second),
    firstPageSql: summarize(sqlTimes.first),
    secondPageSql: summarize(sqlTimes.second),
    statementsPerPage: sqlTimes.statementsPerPage,
    firstPagePlans: sqlTimes.firstPagePlans,
    secondPagePlans: sqlTimes.secondPagePlans,
    gc: storageTimes.gc,
  };
}
