/**
 * Issue 4: 1,000 concurrent simulated users doing a realistic mix for 60 s against ONE server
 * process, on SQLite or PostgreSQL. Each user (lib/userMixUser.ts) is a closed loop with
 * exponential think time (mean 1 s) over a mix of listing, pushing saves and removals, pulling
 * and REST writes, and holds one WebSocket whose pokes trigger pulls, like the real client.
 * Users and their favorites are seeded through the bulk loader; sessions are minted through the
 * storage layer (no argon2 per user). Before the timed window every user opens its socket and
 * does a fresh device's initial pull (which also warms the server). The window counts every
 * request that STARTED in it; afterwards the users keep going for PROFILE_SECONDS under V8's
 * profiler in the server (not counted), which says where the server's time goes.
 *
 * `npx tsx bench/userMix.ts [sqlite|postgres] [users] [seconds]` runs it on its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { createSession } from '../server/auth/sessions';
import { LIST_LIMIT_MAX } from '../src/contract';
import { createRandom, seedFor } from '../src/seed/random';
import { BENCH_DATABASE_URL_DEFAULT, dropBenchDatabase, openBenchStorage, type BenchDatabase } from './lib/benchDatabase';
import { summarizeCpuProfile, type CpuProfileSummary } from './lib/cpuProfileSummary';
import { summarize, type LatencySummary } from './lib/percentiles';
import { postgresCpuMs } from './lib/userMixPostgresCpu';
import { REQUEST_KINDS, type RequestKind } from './lib/userMixPlan';
import type { TimedResponse } from './lib/userMixHttp';
import { startUserMixServer } from './lib/userMixServerProcess';
import { startUserMixWorkers } from './lib/userMixWorkersServer';
import { SimulatedUser, type RequestLog } from './lib/userMixUser';
import { seedFavorites } from './seedFavorites';

export const USER_MIX_USERS_DEFAULT = 1_000;
export const USER_MIX_SECONDS_DEFAULT = 60;
export const USER_MIX_FAVORITES_PER_USER_DEFAULT = 100;
export const USER_MIX_TARGET_P99_MS = 100;
/** Mean think time between a user's actions (exponential). */
export const USER_MIX_THINK_MEAN_MS = 1_000;
/** The profiled stretch after the timed window. */
export const USER_MIX_PROFILE_SECONDS = 10;
const PROFILE_TOP_PLACES = 12;
/** Sockets opened / initial syncs run at once during setup. */
const SETUP_CONCURRENCY = 50;
/** How often the server's RSS and event-loop delay are sampled during the window. */
const STATS_INTERVAL_MS = 5_000;
const SEED = 0x05e7;

export interface UserMixOptions {
  readonly database: BenchDatabase;
  readonly users: number;
  readonly favoritesPerUser: number;
  readonly seconds: number;
  /** Mean think time between a user's actions; default USER_MIX_THINK_MEAN_MS. */
  readonly thinkMeanMs?: number;
  /** A scratch directory for the server's CPU profile. */
  readonly workDir: string;
  /** Server processes: 1 (default) runs `createServer` in one process; more run `server/main.ts` with WORKERS (SQLite only). */
  readonly workers?: number;
}

export interface RequestKindResult {
  readonly kind: RequestKind;
  /** Latency (ms) of every response, whatever its status; null when none. */
  readonly latency: LatencySummary | null;
  /** Responses outside 2xx. */
  readonly non2xx: number;
  /** Requests with no response (socket error, timeout). */
  readonly failed: number;
}

export interface UserMixResult {
  readonly database: BenchDatabase['kind'];
  readonly users: number;
  readonly favoritesPerUser: number;
  readonly seconds: number;
  readonly thinkMeanMs: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly overall: LatencySummary;
  readonly kinds: readonly RequestKindResult[];
  readonly statusCodes: Record<string, number>;
  /** First few failure messages (socket errors, timeouts), for the report. */
  readonly failureSamples: readonly string[];
  readonly setupSeconds: { readonly seed: number; readonly sockets: number; readonly initialSync: number };
  readonly pokes: number;
  readonly rejectedMutations: number;
  readonly socketDrops: number;
  /** Sockets the server held at the end of the window. */
  readonly socketsHeld: number;
  readonly serverCoreShare: number;
  readonly serverRssStartBytes: number;
  readonly serverRssPeakBytes: number;
  readonly serverHeapEndBytes: number;
  /** Worst 5-s interval's event-loop delay p99 in the server, and the max over the window (ms). */
  readonly serverLoopDelayP99Ms: number;
  readonly serverLoopDelayMaxMs: number;
  readonly loadGeneratorCoreShare: number;
  /** Every postgres process on the machine (other sessions included); null on SQLite or without /proc. */
  readonly postgresCoreShare: number | null;
  /** Null with WORKERS (no in-process profiler). */
  readonly serverProfile: CpuProfileSummary | null;
  /** Server processes serving requests (WORKERS). */
  readonly workers: number;
}

class UserMixSetupError extends Error {
  override readonly name = 'UserMixSetupError';
}

/** Counts the requests that started inside the window. */
function windowLog(): RequestLog & {
  open(): void;
  close(): void;
  samples: Map<RequestKind, number[]>;
  statuses: Map<RequestKind, Map<number, number>>;
  failures: string[];
} {
  let fromMs = Infinity;
  let toMs = Infinity;
  const samples = new Map<RequestKind, number[]>(REQUEST_KINDS.map((kind) => [kind, []]));
  const statuses = new Map<RequestKind, Map<number, number>>(REQUEST_KINDS.map((kind) => [kind, new Map()]));
  const failures: string[] = [];
  return {
    samples,
    statuses,
    failures,
    open() {
      fromMs = performance.now();
    },
    close() {
      toMs = performance.now();
    },
    record(kind: RequestKind, response: TimedResponse) {
      const startedMs = performance.now() - response.ms;
      if (startedMs < fromMs || startedMs >= toMs) return;
      const counts = statuses.get(kind)!;
      counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
      if (response.status === 0) failures.push(response.error ?? 'no response');
      else samples.get(kind)!.push(response.ms);
    },
  };
}

const discard: RequestLog = { record: () => undefined };

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

async function sessionsAndArticles(database: BenchDatabase, userIds: readonly string[]) {
  const storage = await openBenchStorage(database);
  try {
    const articleIds: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await storage.articles.list({ limit: LIST_LIMIT_MAX, cursor });
      articleIds.push(...page.items.map((article) => article.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const nowMs = Date.now();
    const tokens: string[] = [];
    for (const userId of userIds) tokens.push(await createSession(storage, userId, nowMs));
    return { articleIds, tokens };
  } finally {
    await storage.close();
  }
}

export async function measureUserMix(options: UserMixOptions): Promise<UserMixResult> {
  const { database, users, favoritesPerUser, seconds } = options;
  const thinkMeanMs = options.thinkMeanMs ?? USER_MIX_THINK_MEAN_MS;
  let startedMs = performance.now();
  const seeded = await seedFavorites({ database, users, favoritesPerUser });
  const { articleIds, tokens } = await sessionsAndArticles(database, seeded.userIds);
  const seedSeconds = (performance.now() - startedMs) / 1000;

  const workers = options.workers ?? 1;
  if (workers > 1 && database.kind !== 'sqlite') throw new UserMixSetupError('the WORKERS run is on SQLite only (PostgreSQL scales out as instances)');
  const server =
    workers > 1 && database.kind === 'sqlite'
      ? await startUserMixWorkers(database.file, workers, options.workDir)
      : await startUserMixServer(database);
  const simulated = seeded.userIds.map(
    (userId, index) =>
      new SimulatedUser(
        {
          host: server.host,
          port: server.port,
          token: tokens[index]!,
          userId,
          clientId: `mix-${String(index).padStart(6, '0')}-client`,
          articleIds,
          random: createRandom(seedFor(SEED, index)),
          thinkMeanMs,
        },
        discard,
      ),
  );
  try {
    startedMs = performance.now();
    await inBatches(simulated, SETUP_CONCURRENCY, (user) => user.openSocket());
    const socketSeconds = (performance.now() - startedMs) / 1000;
    startedMs = performance.now();
    await inBatches(simulated, SETUP_CONCURRENCY, (user) => user.initialSync());
    const initialSyncSeconds = (performance.now() - startedMs) / 1000;
    const short = simulated.find((user) => user.savedCount() !== favoritesPerUser);
    if (short) throw new UserMixSetupError(`a user's initial sync holds ${short.savedCount()} favorites, expected ${favoritesPerUser}`);

    const log = windowLog();
    for (const user of simulated) user.logTo(log);
    const windowMs = seconds * 1000;
    const before = await server.stats();
    const benchCpuBefore = process.cpuUsage();
    const postgresBefore = database.kind === 'postgres' ? postgresCpuMs() : null;
    log.open();
    const windowStart = performance.now();
    const runs = simulated.map((user) => user.run(windowStart + windowMs + USER_MIX_PROFILE_SECONDS * 1000));
    let rssPeak = before.rssBytes;
    let loopDelayP99 = 0;
    let loopDelayMax = 0;
    const sample = (stats: { rssBytes: number; loopDelayP99Ms: number; loopDelayMaxMs: number }) => {
      rssPeak = Math.max(rssPeak, stats.rssBytes);
      loopDelayP99 = Math.max(loopDelayP99, stats.loopDelayP99Ms);
      loopDelayMax = Math.max(loopDelayMax, stats.loopDelayMaxMs);
    };
    while (performance.now() - windowStart < windowMs - STATS_INTERVAL_MS) {
      await sleep(STATS_INTERVAL_MS);
      sample(await server.stats());
    }
    await sleep(Math.max(0, windowStart + windowMs - performance.now()));
    log.close();
    const windowSeconds = (performance.now() - windowStart) / 1000;
    const after = await server.stats();
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const postgresAfter = database.kind === 'postgres' ? postgresCpuMs() : null;
    sample(after);

    const profileFile = path.join(options.workDir, `user-mix-${database.kind}.cpuprofile`);
    if (server.profiles) await server.startProfile();
    await Promise.all(runs);
    if (server.profiles) await server.stopProfile(profileFile);

    const kinds = REQUEST_KINDS.map((kind): RequestKindResult => {
      const latencies = log.samples.get(kind)!;
      const counts = log.statuses.get(kind)!;
      let non2xx = 0;
      for (const [status, count] of counts) if (status !== 0 && (status < 200 || status >= 300)) non2xx += count;
      return { kind, latency: latencies.length > 0 ? summarize(latencies) : null, non2xx, failed: counts.get(0) ?? 0 };
    });
    const all = [...log.samples.values()].flat();
    if (all.length === 0) throw new UserMixSetupError('no request answered in the window');
    const statusCodes: Record<string, number> = {};
    for (const counts of log.statuses.values()) {
      for (const [status, count] of counts) statusCodes[status === 0 ? 'no response' : String(status)] = (statusCodes[status === 0 ? 'no response' : String(status)] ?? 0) + count;
    }
    const requests = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
    const wallMs = windowSeconds * 1000;
    return {
      database: database.kind,
      users,
      favoritesPerUser,
      seconds: windowSeconds,
      thinkMeanMs,
      requests,
      requestsPerSecond: requests / windowSeconds,
      overall: summarize(all),
      kinds,
      statusCodes,
      failureSamples: [...new Set(log.failures)].slice(0, 3),
      setupSeconds: { seed: seedSeconds, sockets: socketSeconds, initialSync: initialSyncSeconds },
      pokes: simulated.reduce((sum, user) => sum + user.pokes, 0),
      rejectedMutations: simulated.reduce((sum, user) => sum + user.rejected, 0),
      socketDrops: simulated.reduce((sum, user) => sum + user.socketDrops, 0),
      socketsHeld: after.openSockets,
      serverCoreShare: (after.cpuMs - before.cpuMs) / wallMs,
      serverRssStartBytes: before.rssBytes,
      serverRssPeakBytes: rssPeak,
      serverHeapEndBytes: after.heapUsedBytes,
      serverLoopDelayP99Ms: loopDelayP99,
      serverLoopDelayMaxMs: loopDelayMax,
      loadGeneratorCoreShare: (benchCpu.user + benchCpu.system) / 1000 / wallMs,
      postgresCoreShare: postgresBefore === null || postgresAfter === null ? null : (postgresAfter - postgresBefore) / wallMs,
      serverProfile: server.profiles ? summarizeCpuProfile(profileFile, PROFILE_TOP_PLACES) : null,
      workers,
    };
  } finally {
    for (const user of simulated) user.close();
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [kind = 'sqlite', users, seconds] = process.argv.slice(2);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'favorites-user-mix-'));
  const database: BenchDatabase =
    kind === 'postgres'
      ? { kind, url: process.env.DATABASE_URL || BENCH_DATABASE_URL_DEFAULT, schema: `bench_mix_${process.pid}` }
      : { kind: 'sqlite', file: path.join(workDir, 'mix.sqlite') };
  try {
    const result = await measureUserMix({
      database,
      users: Number(users) || USER_MIX_USERS_DEFAULT,
      favoritesPerUser: USER_MIX_FAVORITES_PER_USER_DEFAULT,
      seconds: Number(seconds) || USER_MIX_SECONDS_DEFAULT,
      workDir,
    });
    console.log(JSON.stringify({ ...result, serverProfile: result.serverProfile?.top.slice(0, 6) ?? null }, null, 2));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    await dropBenchDatabase(database);
  }
}
