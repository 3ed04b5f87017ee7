/**
 * `npm run bench [-- <part>...] [--flags]`: the benchmarks. Parts: seed, query, http,
 * firstload, propagation, sync, pouchdb (default: all). query and http need the seeded
 * database, so they seed it first; firstload alone serves a fresh catalogue-only database,
 * propagation and sync always one of their own; pouchdb runs sync too (its ratio compares
 * the two in one run) and installs the peer into bench/pouchdb on first use. users runs 1,000
 * simulated users for 60 s on a database of its own (SQLite, or PostgreSQL with --db postgres);
 * websockets holds 10,000 WebSockets on one server. Figures are printed and written into docs/benchmarks.md (only the blocks of the parts
 * that ran). Everything lives in one temporary directory, removed at the end, and every server
 * runs on 127.0.0.1.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { DATABASE_FILE_NAME } from '../server/config';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureFavoritesQuery, PAGE_LIMIT, QUERY_CALLS_DEFAULT, QUERY_TARGET_P99_MICROS } from './favoritesQuery';
import { FIRST_LOAD_TARGET_MS, FIRST_LOADS_DEFAULT, measureFirstLoad } from './firstLoad';
import { measurePropagation, PROPAGATION_SAVES_DEFAULT, PROPAGATION_TARGET_P95_MS } from './propagation';
import {
  HTTP_CONNECTIONS_DEFAULT,
  HTTP_SECONDS_DEFAULT,
  HTTP_TARGET_P99_MS,
  HTTP_WARMUP_SECONDS,
  measureHttpFavorites,
} from './httpFavorites';
import {
  BENCH_DATABASE_KINDS,
  BENCH_DATABASE_URL_DEFAULT,
  databaseLocation,
  databaseName,
  dropBenchDatabase,
  type BenchDatabase,
  type BenchDatabaseKind,
} from './lib/benchDatabase';
import { updateBenchmarksDoc, type SectionId } from './lib/benchmarksDoc';
import { machineFacts } from './lib/machineFacts';
import { firstLoadSection, httpSection, machineSection, propagationSection, querySection, seedSection, type RunFacts } from './lib/reportSections';
import { FAVORITES_PER_USER_DEFAULT, SEED_USERS_DEFAULT, seedFavorites, type SeededDatabase } from './seedFavorites';
import { pouchdbSection, syncSection } from './lib/syncSections';
import { userMixNotMeasuredSection, userMixSection, websocketsSection } from './lib/userMixSections';
import { measureUserMix, USER_MIX_SECONDS_DEFAULT, USER_MIX_TARGET_P99_MS, USER_MIX_THINK_MEAN_MS, USER_MIX_USERS_DEFAULT } from './userMix';
import { measureWebsocketMemory, WS_CONNECTIONS_DEFAULT, WS_TARGET_BYTES_PER_SOCKET } from './websocketMemory';
import { measureSyncAndPouchdb } from './pouchdb/pouchdbReplication';
import { INITIAL_SYNC_FAVORITES, measureSyncChromium, PUSH_WRITES, SYNC_RUNS_DEFAULT, SYNC_TARGET_MS, type SyncChromiumResult } from './syncChromium';

const PARTS = ['seed', 'query', 'http', 'firstload', 'propagation', 'sync', 'pouchdb', 'users', 'websockets'] as const;
type Part = (typeof PARTS)[number];
/** The parts `--db postgres` runs; the others start server processes on a SQLite file. */
const POSTGRES_PARTS = ['seed', 'query', 'users'] as const satisfies readonly Part[];
/** Issue 3: our sync at least this many times faster than PouchDB's. */
const POUCHDB_TARGET_RATIO = 3;
/** Above this load average per core (the benchmark's own parts included), processes queue for CPU. */
const BUSY_LOAD_PER_CORE = 1;
const DOC_FILE = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const USAGE = `Usage: npm run bench [-- <part>...] [options]
Parts: ${PARTS.join(', ')} (default: all)
Options:
  --users <n>         users to seed (default ${SEED_USERS_DEFAULT}); simulated users of the users part (default ${USER_MIX_USERS_DEFAULT})
  --per-user <n>      favorites per user (default ${FAVORITES_PER_USER_DEFAULT}; at least ${2 * PAGE_LIMIT} for query and http)
  --calls <n>         timed storage calls per page (default ${QUERY_CALLS_DEFAULT})
  --connections <n>   HTTP connections (default ${HTTP_CONNECTIONS_DEFAULT})
  --seconds <n>       HTTP load after the ${HTTP_WARMUP_SECONDS} s warm-up (default ${HTTP_SECONDS_DEFAULT}); the users part's window (default ${USER_MIX_SECONDS_DEFAULT})
  --think-ms <n>      the users part's mean think time between a user's actions (default ${USER_MIX_THINK_MEAN_MS})
  --sockets <n>       WebSockets the websockets part holds (default ${WS_CONNECTIONS_DEFAULT})
  --workers <n>       http and users also run the server entry with WORKERS=<n> (default: the cores, ${os.availableParallelism()}; 1: don't)
  --loads <n>         cold browser loads (default ${FIRST_LOADS_DEFAULT})
  --saves <n>         saves timed across two devices (propagation; default ${PROPAGATION_SAVES_DEFAULT})
  --db <sqlite|postgres>  the database seed and query run on (default sqlite); postgres uses DATABASE_URL
                      (default ${BENCH_DATABASE_URL_DEFAULT}), a fresh schema dropped at the end, and runs
                      ${POSTGRES_PARTS.join(' and ')} only (their blocks: ${POSTGRES_PARTS.map((part) => `${part}Postgres`).join(', ')})
  --sync-runs <n>     timed runs of each sync measurement, ours and PouchDB's (default ${SYNC_RUNS_DEFAULT}; pouchdb runs sync too)
  --no-write          print only; leave docs/benchmarks.md alone`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface Settings {
  readonly parts: ReadonlySet<Part>;
  readonly users: number;
  readonly perUser: number;
  readonly calls: number;
  readonly connections: number;
  readonly seconds: number;
  readonly loads: number;
  readonly saves: number;
  readonly syncRuns: number;
  /** The users part's own defaults apply unless --users / --seconds are given. */
  readonly mixUsers: number;
  readonly mixSeconds: number;
  readonly thinkMs: number;
  readonly sockets: number;
  /** Server processes of the WORKERS runs (http, users); 1: single process only. */
  readonly workers: number;
  readonly db: BenchDatabaseKind;
  readonly write: boolean;
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new UsageError(`--${name} must be a positive integer, got "${value}"`);
  return parsed;
}

function readSettings(argv: readonly string[]): Settings {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      users: { type: 'string' },
      'per-user': { type: 'string' },
      calls: { type: 'string' },
      connections: { type: 'string' },
      seconds: { type: 'string' },
      loads: { type: 'string' },
      saves: { type: 'string' },
      'sync-runs': { type: 'string' },
      sockets: { type: 'string' },
      'think-ms': { type: 'string' },
      workers: { type: 'string' },
      db: { type: 'string', default: 'sqlite' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  for (const part of positionals) {
    if (!(PARTS as readonly string[]).includes(part)) throw new UsageError(`unknown part "${part}"`);
  }
  const db = values.db as BenchDatabaseKind;
  if (!BENCH_DATABASE_KINDS.includes(db)) throw new UsageError(`--db must be ${BENCH_DATABASE_KINDS.join(' or ')}, got "${values.db}"`);
  const defaultParts: readonly Part[] = db === 'postgres' ? POSTGRES_PARTS : PARTS;
  const notOnPostgres = positionals.filter((part) => !(POSTGRES_PARTS as readonly string[]).includes(part));
  if (db === 'postgres' && notOnPostgres.length > 0) {
    throw new UsageError(`--db postgres runs ${POSTGRES_PARTS.join(' and ')} only, not ${notOnPostgres.join(', ')}`);
  }
  const settings: Settings = {
    // pouchdb's ratio compares with ours measured in the same run.
    parts: new Set((positionals.length > 0 ? positionals : defaultParts).flatMap((part) => (part === 'pouchdb' ? ['sync', part] : [part])) as Part[]),
    users: positiveInteger('users', values.users, SEED_USERS_DEFAULT),
    perUser: positiveInteger('per-user', values['per-user'], FAVORITES_PER_USER_DEFAULT),
    calls: positiveInteger('calls', values.calls, QUERY_CALLS_DEFAULT),
    connections: positiveInteger('connections', values.connections, HTTP_CONNECTIONS_DEFAULT),
    seconds: positiveInteger('seconds', values.seconds, HTTP_SECONDS_DEFAULT),
    loads: positiveInteger('loads', values.loads, FIRST_LOADS_DEFAULT),
    saves: positiveInteger('saves', values.saves, PROPAGATION_SAVES_DEFAULT),
    syncRuns: positiveInteger('sync-runs', values['sync-runs'], SYNC_RUNS_DEFAULT),
    mixUsers: positiveInteger('users', values.users, USER_MIX_USERS_DEFAULT),
    mixSeconds: positiveInteger('seconds', values.seconds, USER_MIX_SECONDS_DEFAULT),
    sockets: positiveInteger('sockets', values.sockets, WS_CONNECTIONS_DEFAULT),
    thinkMs: positiveInteger('think-ms', values['think-ms'], USER_MIX_THINK_MEAN_MS),
    workers: positiveInteger('workers', values.workers, os.availableParallelism()),
    db,
    write: !values['no-write'],
  };
  const paged = settings.parts.has('query') || settings.parts.has('http');
  if (paged && settings.perUser < 2 * PAGE_LIMIT) {
    throw new UsageError(`--per-user must be at least ${2 * PAGE_LIMIT}: query and http read two full pages`);
  }
  return settings;
}

/**
 * The seeded SQLite file: named as the server entry expects it in its DATA_DIR, so the WORKERS
 * runs start `server/main.ts` on it.
 */
function seededFile(workDir: string): string {
  const dataDir = path.join(workDir, 'seeded');
  mkdirSync(dataDir, { recursive: true });
  return path.join(dataDir, DATABASE_FILE_NAME);
}

/** The run's SQLite file, or a fresh PostgreSQL schema named after this process. */
function benchDatabase(kind: BenchDatabaseKind, workDir: string): BenchDatabase {
  if (kind === 'sqlite') return { kind, file: seededFile(workDir) };
  return { kind, url: process.env.DATABASE_URL || BENCH_DATABASE_URL_DEFAULT, schema: `bench_${process.pid}` };
}

function printSection(title: string, body: string): void {
  console.log(`\n## ${title}\n\n${body}\n`);
}

async function runParts(
  settings: Settings,
  run: RunFacts,
  workDir: string,
  database: BenchDatabase,
): Promise<Partial<Record<SectionId, string>>> {
  const { parts } = settings;
  const sections: Partial<Record<SectionId, string>> = { machine: machineSection(run) };
  const databaseFile = seededFile(workDir);
  // PostgreSQL's figures go to their own blocks, next to SQLite's.
  const onPostgres = database.kind === 'postgres';
  const scale = `${settings.users.toLocaleString('en-US')} users × ${settings.perUser} favorites`;
  let seeded: SeededDatabase | null = null;
  // Each part notes the load just before it starts (the other parts' servers have exited).
  const factsNow = (): RunFacts => {
    const loadAverage = os.loadavg()[0] ?? 0;
    if (loadAverage > run.machine.nproc * BUSY_LOAD_PER_CORE) {
      console.warn(`Warning: 1-minute load average ${loadAverage.toFixed(2)} on ${run.machine.nproc} cores: other work will inflate these figures.`);
    }
    return { ...run, loadAverage };
  };

  if (parts.has('seed') || parts.has('query') || parts.has('http')) {
    const facts = factsNow();
    console.log(`Seeding ${scale} into ${databaseLocation(database)}…`);
    seeded = await seedFavorites({ database, users: settings.users, favoritesPerUser: settings.perUser });
    const section = seedSection(seeded, facts);
    sections[onPostgres ? 'seedPostgres' : 'seed'] = section;
    printSection(`Seed (${databaseName(database)})`, section);
  }
  if (seeded && parts.has('query')) {
    const facts = factsNow();
    console.log(`Timing ${settings.calls.toLocaleString('en-US')} first and second pages…`);
    const result = await measureFavoritesQuery({ database, userIds: seeded.userIds, calls: settings.calls });
    const section = querySection(result, QUERY_TARGET_P99_MICROS, facts, scale, databaseName(database));
    sections[onPostgres ? 'queryPostgres' : 'query'] = section;
    printSection(`Favorites page query (${databaseName(database)})`, section);
  }
  if (seeded && parts.has('http')) {
    const facts = factsNow();
    console.log(`Loading GET /api/v1/favorites with ${settings.connections} connections for ${settings.seconds} s…`);
    const result = await measureHttpFavorites({
      databaseFile,
      userIds: seeded.userIds,
      connections: settings.connections,
      seconds: settings.seconds,
      workDir,
      workers: settings.workers,
    });
    sections.http = httpSection(result, HTTP_TARGET_P99_MS, facts, scale);
    printSection('HTTP', sections.http);
  }
  if (parts.has('firstload')) {
    const facts = factsNow();
    console.log(`Building the app and timing ${settings.loads} cold loads in Chromium…`);
    const result = await measureFirstLoad({ databaseFile, outDir: path.join(workDir, 'dist'), loads: settings.loads });
    const database = seeded ? `on the seeded database (${scale})` : 'on a fresh database holding the catalogue only';
    sections.firstload = firstLoadSection(result, FIRST_LOAD_TARGET_MS, facts, database);
    printSection('First load', sections.firstload);
  }
  if (parts.has('propagation')) {
    const facts = factsNow();
    console.log(`Building the app and timing ${settings.saves} saves from one Chromium device to another…`);
    const result = await measurePropagation({
      databaseFile: path.join(workDir, 'propagation.sqlite'),
      outDir: path.join(workDir, 'dist-propagation'),
      saves: settings.saves,
    });
    sections.propagation = propagationSection(result, PROPAGATION_TARGET_P95_MS, facts);
    printSection('Propagation between devices', sections.propagation);
  }
  if (parts.has('sync')) {
    const facts = factsNow();
    const syncOptions = { databaseFile: path.join(workDir, 'sync.sqlite'), workDir: path.join(workDir, 'sync'), runs: settings.syncRuns };
    let sync: SyncChromiumResult;
    if (parts.has('pouchdb')) {
      console.log(`Timing sync in Chromium, ours and PouchDB's, runs interleaved: ${PUSH_WRITES} offline writes pushed, ${INITIAL_SYNC_FAVORITES} favorites pulled…`);
      const both = await measureSyncAndPouchdb(syncOptions, {
        workDir: path.join(workDir, 'pouchdb'),
        runs: settings.syncRuns,
        pushDocs: PUSH_WRITES,
        pullDocs: INITIAL_SYNC_FAVORITES,
      });
      sync = both.sync;
      const ours = { pushMs: sync.push.outboxEmptyMs, pullMs: sync.pull.passMs };
      sections.pouchdb = pouchdbSection(both.pouchdb, ours, POUCHDB_TARGET_RATIO, facts, PUSH_WRITES, INITIAL_SYNC_FAVORITES);
    } else {
      console.log(`Timing sync in Chromium: ${PUSH_WRITES} offline writes pushed, ${INITIAL_SYNC_FAVORITES} favorites pulled, ${settings.syncRuns} runs…`);
      sync = await measureSyncChromium(syncOptions);
    }
    sections.sync = syncSection(sync, SYNC_TARGET_MS, facts, PUSH_WRITES, INITIAL_SYNC_FAVORITES);
    printSection('Sync in Chromium', sections.sync);
    if (sections.pouchdb) printSection('PouchDB', sections.pouchdb);
  }
  if (parts.has('users')) {
    // One process; then, on SQLite, the server entry with WORKERS (PostgreSQL scales out as instances).
    const runs: { id: SectionId; workers: number }[] = onPostgres
      ? [{ id: 'usersPostgres', workers: 1 }]
      : [{ id: 'users', workers: 1 }, ...(settings.workers > 1 ? [{ id: 'usersWorkers' as const, workers: settings.workers }] : [])];
    for (const { id, workers } of runs) {
      const facts = factsNow();
      // Its own database: the seed part's users (if it ran) would collide with these.
      const mixDatabase: BenchDatabase = onPostgres
        ? { ...database, schema: `${database.schema}_users` }
        : { kind: 'sqlite', file: path.join(workDir, `users-${workers}`, DATABASE_FILE_NAME) };
      if (mixDatabase.kind === 'sqlite') mkdirSync(path.dirname(mixDatabase.file), { recursive: true });
      console.log(`Running ${settings.mixUsers.toLocaleString('en-US')} simulated users for ${settings.mixSeconds} s on ${databaseLocation(mixDatabase)} (${workers} server process${workers > 1 ? 'es' : ''})…`);
      try {
        const result = await measureUserMix({
          database: mixDatabase,
          users: settings.mixUsers,
          favoritesPerUser: settings.perUser,
          seconds: settings.mixSeconds,
          thinkMeanMs: settings.thinkMs,
          workDir,
          workers,
        });
        sections[id] = userMixSection(result, USER_MIX_TARGET_P99_MS, facts);
      } catch (error) {
        // The other blocks and parts still get written; the failure is said in the block.
        console.error('users part failed:', error);
        sections[id] = userMixNotMeasuredSection(error instanceof Error ? error.message : String(error), facts);
        process.exitCode = 1;
      } finally {
        await dropBenchDatabase(mixDatabase);
      }
      printSection(`Simulated users (${databaseName(mixDatabase)}, ${workers} server process${workers > 1 ? 'es' : ''})`, sections[id]!);
    }
  }
  if (parts.has('websockets')) {
    const facts = factsNow();
    console.log(`Holding ${settings.sockets.toLocaleString('en-US')} WebSockets on one server…`);
    const result = await measureWebsocketMemory(settings.sockets);
    sections.websockets = websocketsSection(result, WS_TARGET_BYTES_PER_SOCKET, facts);
    printSection('WebSockets', sections.websockets);
  }
  return sections;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const settings = readSettings(argv);
  const run: RunFacts = {
    startedAt: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    command: `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
    machine: machineFacts(),
    loadAverage: os.loadavg()[0] ?? 0,
  };
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'favorites-bench-'));
  const database = benchDatabase(settings.db, workDir);
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true });
  // Ctrl-C: servers exit with us (they watch the IPC channel); the temp files (and schema) must go too.
  const interrupted = () => {
    removeWorkDir();
    dropBenchDatabase(database).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const sections = await runParts(settings, run, workDir, database);
    if (settings.write) {
      updateBenchmarksDoc(DOC_FILE, sections);
      console.log(`Wrote ${path.relative(process.cwd(), DOC_FILE)}`);
    }
  } finally {
    removeWorkDir();
    await dropBenchDatabase(database);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error('bench failed:', error);
  process.exit(1);
});
