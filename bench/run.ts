/**
 * `npm run bench [-- <part>...] [--flags]`: the Phase 1 benchmarks. Parts: seed, query,
 * http, firstload (default: all). query and http need the seeded database, so they seed it
 * first; firstload alone serves a fresh catalogue-only database. Figures are printed and
 * written into docs/benchmarks.md (only the blocks of the parts that ran). Everything lives
 * in one temporary directory, removed at the end, and every server runs on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureFavoritesQuery, PAGE_LIMIT, QUERY_CALLS_DEFAULT, QUERY_TARGET_P99_MICROS } from './favoritesQuery';
import { FIRST_LOAD_TARGET_MS, FIRST_LOADS_DEFAULT, measureFirstLoad } from './firstLoad';
import {
  HTTP_CONNECTIONS_DEFAULT,
  HTTP_SECONDS_DEFAULT,
  HTTP_TARGET_P99_MS,
  HTTP_WARMUP_SECONDS,
  measureHttpFavorites,
} from './httpFavorites';
import { updateBenchmarksDoc, type SectionId } from './lib/benchmarksDoc';
import { machineFacts } from './lib/machineFacts';
import { firstLoadSection, httpSection, machineSection, querySection, seedSection, type RunFacts } from './lib/reportSections';
import { FAVORITES_PER_USER_DEFAULT, SEED_USERS_DEFAULT, seedFavorites, type SeededDatabase } from './seedFavorites';

const PARTS = ['seed', 'query', 'http', 'firstload'] as const;
type Part = (typeof PARTS)[number];
/** Above this load average per core (the benchmark's own parts included), processes queue for CPU. */
const BUSY_LOAD_PER_CORE = 1;
const DOC_FILE = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const USAGE = `Usage: npm run bench [-- <part>...] [options]
Parts: ${PARTS.join(', ')} (default: all)
Options:
  --users <n>         users to seed (default ${SEED_USERS_DEFAULT})
  --per-user <n>      favorites per user (default ${FAVORITES_PER_USER_DEFAULT}; at least ${2 * PAGE_LIMIT} for query and http)
  --calls <n>         timed storage calls per page (default ${QUERY_CALLS_DEFAULT})
  --connections <n>   HTTP connections (default ${HTTP_CONNECTIONS_DEFAULT})
  --seconds <n>       HTTP load after the ${HTTP_WARMUP_SECONDS} s warm-up (default ${HTTP_SECONDS_DEFAULT})
  --loads <n>         cold browser loads (default ${FIRST_LOADS_DEFAULT})
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
  const settings: Settings = {
    parts: new Set((positionals.length > 0 ? positionals : PARTS) as Part[]),
    users: positiveInteger('users', values.users, SEED_USERS_DEFAULT),
    perUser: positiveInteger('per-user', values['per-user'], FAVORITES_PER_USER_DEFAULT),
    calls: positiveInteger('calls', values.calls, QUERY_CALLS_DEFAULT),
    connections: positiveInteger('connections', values.connections, HTTP_CONNECTIONS_DEFAULT),
    seconds: positiveInteger('seconds', values.seconds, HTTP_SECONDS_DEFAULT),
    loads: positiveInteger('loads', values.loads, FIRST_LOADS_DEFAULT),
    write: !values['no-write'],
  };
  const paged = settings.parts.has('query') || settings.parts.has('http');
  if (paged && settings.perUser < 2 * PAGE_LIMIT) {
    throw new UsageError(`--per-user must be at least ${2 * PAGE_LIMIT}: query and http read two full pages`);
  }
  return settings;
}

function printSection(title: string, body: string): void {
  console.log(`\n## ${title}\n\n${body}\n`);
}

async function runParts(settings: Settings, run: RunFacts, workDir: string): Promise<Partial<Record<SectionId, string>>> {
  const { parts } = settings;
  const sections: Partial<Record<SectionId, string>> = { machine: machineSection(run) };
  const databaseFile = path.join(workDir, 'bench.sqlite');
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
    console.log(`Seeding ${scale} into ${databaseFile}…`);
    seeded = await seedFavorites({ databaseFile, users: settings.users, favoritesPerUser: settings.perUser });
    sections.seed = seedSection(seeded, facts);
    printSection('Seed', sections.seed);
  }
  if (seeded && parts.has('query')) {
    const facts = factsNow();
    console.log(`Timing ${settings.calls.toLocaleString('en-US')} first and second pages…`);
    const result = await measureFavoritesQuery({ databaseFile, userIds: seeded.userIds, calls: settings.calls });
    sections.query = querySection(result, QUERY_TARGET_P99_MICROS, facts, scale);
    printSection('Favorites page query', sections.query);
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
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true });
  // Ctrl-C: servers exit with us (they watch the IPC channel); the temp files must go too.
  const interrupted = () => {
    removeWorkDir();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const sections = await runParts(settings, run, workDir);
    if (settings.write) {
      updateBenchmarksDoc(DOC_FILE, sections);
      console.log(`Wrote ${path.relative(process.cwd(), DOC_FILE)}`);
    }
  } finally {
    removeWorkDir();
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
