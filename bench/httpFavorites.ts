/**
 * `GET /api/v1/favorites?limit=50` under load: the real server in its own process on the
 * seeded file, autocannon with 100 keep-alive connections, each signed in as a different
 * user with a bearer session token minted through the storage layer (the server's own
 * createSession: no argon2 per user). Latency is every response's own time, from
 * autocannon's response events, so p95 is exact (its histogram has no p95). One run: a
 * warm-up, then the steady-state window the figures come from.
 */
import autocannon from 'autocannon';
import { createSession } from '../server/auth/sessions';
import { openSqliteStorage } from '../server/storage/sqlite/openSqliteStorage';
import { FavoritePage, routes } from '../src/contract';
import { createRandom } from '../src/seed/random';
import path from 'node:path';
import { summarizeCpuProfile, type CpuProfileSummary } from './lib/cpuProfileSummary';
import { summarize, type LatencySummary } from './lib/percentiles';
import { processCpuMs, processTreeCpuMs } from './lib/processCpu';
import { startWorkersServer } from './lib/workersServer';
import { startServerProcess } from './lib/serverProcess';

export const HTTP_CONNECTIONS_DEFAULT = 100;
export const HTTP_SECONDS_DEFAULT = 15;
export const HTTP_TARGET_P99_MS = 50;
export const HTTP_PAGE_LIMIT = 50;
/** Fills the server's caches and lets V8 optimise the hot path before the steady-state window. */
export const HTTP_WARMUP_SECONDS = 3;
/** A second, shorter run under V8's profiler (kept apart so it cannot skew the figures). */
export const HTTP_PROFILE_SECONDS = 5;
const PROFILE_TOP_PLACES = 12;
/** A request slower than this counts as a timeout (autocannon's default is 10 s). */
const REQUEST_TIMEOUT_SECONDS = 10;
const SEED = 0x4774;

export interface HttpFavoritesOptions {
  readonly databaseFile: string;
  readonly userIds: readonly string[];
  readonly connections: number;
  readonly seconds: number;
  /** A scratch directory for the server's CPU profile. */
  readonly workDir: string;
  /** Also measure `server/main.ts` with this many workers on the same file; 1: don't. */
  readonly workers: number;
}

export interface HttpFavoritesResult {
  readonly connections: number;
  /** The steady-state window: after the warm-up and once every connection was answered. */
  readonly seconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Milliseconds, steady state. */
  readonly latency: LatencySummary;
  /** When the last connection got its first answer, in seconds from the start of the run. */
  readonly allConnectedSeconds: number;
  /** Milliseconds, every response of the run, warm-up and connection ramp included. */
  readonly wholeRun: LatencySummary;
  readonly wholeRunSeconds: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodes: Record<string, number>;
  readonly bytesPerResponse: number;
  /** Server process CPU over the whole run, per response (ms); null without /proc. */
  readonly serverCpuMsPerResponse: number | null;
  /** Share of one core the server process / the load generator used over the whole run. */
  readonly serverCoreShare: number | null;
  readonly loadGeneratorCoreShare: number;
  /** Where the server's CPU went during the profiled run. */
  readonly serverProfile: CpuProfileSummary;
  /** The same load on the real server entry with WORKERS processes (every core); null when not run. */
  readonly workersRun: HttpWorkersRun | null;
}

/** A run against `server/main.ts` with WORKERS > 1 (no profile: the single process has one). */
export interface HttpWorkersRun {
  readonly workers: number;
  readonly seconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latency: LatencySummary;
  readonly allConnectedSeconds: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** The primary and its workers together, per response (ms); null without /proc. */
  readonly serverCpuMsPerResponse: number | null;
  readonly serverCoreShare: number | null;
  readonly loadGeneratorCoreShare: number;
}

class BenchSetupError extends Error {
  override readonly name = 'BenchSetupError';
}

/** One session token per connection, each for a different user. */
async function mintTokens(databaseFile: string, userIds: readonly string[], count: number): Promise<string[]> {
  if (count > userIds.length) throw new BenchSetupError(`${count} connections need as many users; ${userIds.length} seeded`);
  const random = createRandom(SEED);
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(random.pick(userIds));
  const storage = await openSqliteStorage(databaseFile);
  try {
    const nowMs = Date.now();
    const tokens: string[] = [];
    for (const userId of chosen) tokens.push(await createSession(storage, userId, nowMs));
    return tokens;
  } finally {
    await storage.close();
  }
}

/** Fails fast when the route does not answer a full page to a token (a 401 run measures nothing). */
async function checkOneRequest(url: string, token: string): Promise<void> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new BenchSetupError(`GET ${url} answered ${response.status}`);
  const page = FavoritePage.parse(await response.json());
  if (page.items.length !== HTTP_PAGE_LIMIT) {
    throw new BenchSetupError(`GET ${url} answered ${page.items.length} favorites, expected ${HTTP_PAGE_LIMIT}`);
  }
}

interface TimedResponse {
  /** Milliseconds since the run started. */
  readonly atMs: number;
  readonly latencyMs: number;
  readonly connection: number;
}

/** One autocannon run; every response's time, latency and connection. */
async function runLoad(url: string, tokens: readonly string[], connections: number, seconds: number) {
  const connectionOf = new Map<autocannon.Client, number>();
  const responses: TimedResponse[] = [];
  const startMs = performance.now();
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
    setupClient(client) {
      const connection = connectionOf.size;
      connectionOf.set(client, connection);
      client.setHeaders({ authorization: `Bearer ${tokens[connection % tokens.length]}` });
    },
  });
  instance.on('response', (client, _status, _bytes, latencyMs) => {
    responses.push({ atMs: performance.now() - startMs, latencyMs, connection: connectionOf.get(client) ?? -1 });
  });
  const result = await instance;
  return { result, responses };
}

/**
 * The responses of the steady state: after the warm-up and after every connection has had
 * its first answer. A saturated Node server accepts new connections slowly (the last of 100
 * can wait seconds for its first response), so a run's first seconds measure connection
 * set-up, not the steady load the target is about.
 */
function steadyState(responses: readonly TimedResponse[], connections: number) {
  const answered = new Set<number>();
  let connectedAtMs: number | null = null;
  for (const response of responses) {
    answered.add(response.connection);
    if (answered.size === connections) {
      connectedAtMs = response.atMs;
      break;
    }
  }
  if (connectedAtMs === null) {
    throw new BenchSetupError(`some of the ${connections} connections never got an answer; try a longer --seconds`);
  }
  const fromMs = Math.max(HTTP_WARMUP_SECONDS * 1000, connectedAtMs);
  const steady = responses.filter((response) => response.atMs > fromMs);
  if (steady.length === 0) throw new BenchSetupError('no response after the warm-up; try a longer --seconds');
  const seconds = (steady.at(-1)!.atMs - fromMs) / 1000;
  return { connectedAtMs, steady, seconds };
}

/** One measured run (warm-up included) against a running server; `serverCpuMs` reads its CPU so far. */
async function measuredLoad(url: string, tokens: readonly string[], options: HttpFavoritesOptions, serverCpuMs: () => number | null) {
  await checkOneRequest(url, tokens[0]!);
  const serverCpuBeforeMs = serverCpuMs();
  const benchCpuBefore = process.cpuUsage();
  const runStartMs = performance.now();
  const { result, responses } = await runLoad(url, tokens, options.connections, HTTP_WARMUP_SECONDS + options.seconds);
  const runMs = performance.now() - runStartMs;
  const serverCpuAfterMs = serverCpuMs();
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const usedMs = serverCpuBeforeMs === null || serverCpuAfterMs === null ? null : serverCpuAfterMs - serverCpuBeforeMs;
  const { connectedAtMs, steady, seconds } = steadyState(responses, options.connections);
  return {
    result,
    responses,
    steady,
    seconds,
    connectedAtMs,
    serverCpuMsPerResponse: usedMs === null ? null : usedMs / responses.length,
    serverCoreShare: usedMs === null ? null : usedMs / runMs,
    loadGeneratorCoreShare: (benchCpu.user + benchCpu.system) / 1000 / runMs,
  };
}

/** The same load on `server/main.ts` with `workers` processes on the same file (DATA_DIR holds it). */
async function measureWorkers(tokens: readonly string[], options: HttpFavoritesOptions): Promise<HttpWorkersRun> {
  const server = await startWorkersServer('bench-workers', options.databaseFile, options.workers, options.workDir);
  try {
    const url = `${server.origin}${routes.listFavorites.path}?limit=${HTTP_PAGE_LIMIT}`;
    const run = await measuredLoad(url, tokens, options, () => processTreeCpuMs(server.child.pid!));
    return {
      workers: options.workers,
      seconds: run.seconds,
      requests: run.steady.length,
      requestsPerSecond: run.steady.length / run.seconds,
      latency: summarize(run.steady.map((response) => response.latencyMs)),
      allConnectedSeconds: run.connectedAtMs / 1000,
      non2xx: run.result.non2xx,
      errors: run.result.errors,
      timeouts: run.result.timeouts,
      serverCpuMsPerResponse: run.serverCpuMsPerResponse,
      serverCoreShare: run.serverCoreShare,
      loadGeneratorCoreShare: run.loadGeneratorCoreShare,
    };
  } finally {
    await server.stop();
  }
}

export async function measureHttpFavorites(options: HttpFavoritesOptions): Promise<HttpFavoritesResult> {
  const tokens = await mintTokens(options.databaseFile, options.userIds, options.connections);
  const single = await measureSingleProcess(tokens, options);
  const workersRun = options.workers > 1 ? await measureWorkers(tokens, options) : null;
  return { ...single, workersRun };
}

async function measureSingleProcess(tokens: readonly string[], options: HttpFavoritesOptions): Promise<Omit<HttpFavoritesResult, 'workersRun'>> {
  const server = await startServerProcess(options.databaseFile);
  try {
    const url = `${server.origin}${routes.listFavorites.path}?limit=${HTTP_PAGE_LIMIT}`;
    const { result, responses, steady, seconds, connectedAtMs, serverCpuMsPerResponse, serverCoreShare, loadGeneratorCoreShare } =
      await measuredLoad(url, tokens, options, () => processCpuMs(server.pid));

    const profileFile = path.join(options.workDir, 'server.cpuprofile');
    await server.startProfile();
    await runLoad(url, tokens, options.connections, HTTP_PROFILE_SECONDS);
    await server.stopProfile(profileFile);
    const statusCodes = Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
    );
    return {
      connections: options.connections,
      seconds,
      requests: steady.length,
      requestsPerSecond: steady.length / seconds,
      latency: summarize(steady.map((response) => response.latencyMs)),
      allConnectedSeconds: connectedAtMs / 1000,
      wholeRun: summarize(responses.map((response) => response.latencyMs)),
      wholeRunSeconds: result.duration,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statusCodes,
      bytesPerResponse: responses.length > 0 ? result.throughput.total / responses.length : 0,
      serverCpuMsPerResponse,
      serverCoreShare,
      loadGeneratorCoreShare,
      serverProfile: summarizeCpuProfile(profileFile, PROFILE_TOP_PLACES),
    };
  } finally {
    await server.stop();
  }
}
