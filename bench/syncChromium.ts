/**
 * Part `sync`: the app's sync in Chromium against the real server (issue 3, "Benchmark").
 * The page is bench/lib/syncBenchPage.ts, bundled with Vite and served by the server process,
 * running the app's own Dexie store and SyncEngine; a run (bench/lib/syncRuns.ts) is a push of
 * 1,000 queued offline writes by a fresh account's new device, then an initial sync of 10,000
 * favorites into another new device. The first run is a warm-up (a cold browser and server),
 * reported apart. After the runs: the IndexedDB floor of the initial sync and one profiled run
 * of each, to say where the time goes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { buildBrowserBundle } from './lib/browserBundle';
import { summarize, type LatencySummary } from './lib/percentiles';
import { summarizeCpuProfile, type CpuProfileSummary } from './lib/cpuProfileSummary';
import { profileRenderer, type RendererProfile } from './lib/rendererProfile';
import { startServerProcess, type RunningServer } from './lib/serverProcess';
import { benchData } from './lib/syncBenchData';
import type { BenchSave, FloorLayout, FloorReport } from './lib/syncBenchPage';
import { check, openDevice, pullRun, pushRun, saveOf, type Around, type PullRun, type PushRun } from './lib/syncRuns';
import { seedSyncDatabase, type BenchUser } from './lib/syncSeed';

export const SYNC_RUNS_DEFAULT = 5;
export const SYNC_TARGET_MS = 1_000;
export const PUSH_WRITES = 1_000;
export const INITIAL_SYNC_FAVORITES = 10_000;
/** Uncounted first run of each measurement: JIT, caches and the server's statements warm up. */
export const WARMUP_RUNS = 1;
/** One more push and initial sync under the profilers, after the counted runs. */
const PROFILED_RUNS = 1;
/** Places of the server's CPU profile listed (one more is read: the profiler's own, which the report leaves out). */
const SERVER_PROFILE_PLACES = 8;
/** Repeats of each IndexedDB floor measurement (alternating layouts). */
const FLOOR_REPEATS = 3;
const PAGE_ENTRY = fileURLToPath(new URL('./lib/syncBenchPage.ts', import.meta.url));
const BUNDLE_NAME = 'sync-bench';
const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sync benchmark</title>
<script type="module" src="/${BUNDLE_NAME}.js"></script></head><body></body></html>
`;

export interface SyncChromiumOptions {
  /** A SQLite file to create (the part's own database). */
  readonly databaseFile: string;
  /** An empty directory: the page, its bundle, the server's CPU profile. */
  readonly workDir: string;
  readonly runs: number;
}

export type Summaries<T> = { readonly [K in keyof T]: LatencySummary };

/** The initial sync's rows put with IndexedDB directly, per layout. */
export interface FloorResult {
  readonly layout: FloorLayout;
  readonly ms: LatencySummary;
  readonly puts: number;
  readonly transactions: number;
}

/** Where the time of one more run of each went, profiled (not counted in the figures above). */
export interface SyncProfiles {
  /** The server process during the push (2 requests). */
  readonly pushServer: CpuProfileSummary;
  /** The page's main thread during the initial sync. */
  readonly pullRenderer: RendererProfile;
  readonly pullPassMs: number;
}

export interface SyncChromiumResult {
  readonly runs: number;
  readonly chromiumVersion: string;
  readonly seedSeconds: number;
  readonly bundleBytes: number;
  readonly push: Summaries<PushRun>;
  readonly pull: Summaries<PullRun>;
  readonly pushWarmup: PushRun;
  readonly pullWarmup: PullRun;
  readonly floors: readonly FloorResult[];
  readonly profiles: SyncProfiles;
}

/** The IndexedDB floor of the initial sync (syncBenchPage `floor`), each layout FLOOR_REPEATS times, alternating. */
async function measureFloors(browser: Browser, origin: string, user: BenchUser): Promise<FloorResult[]> {
  const device = await openDevice(browser, origin, user);
  try {
    const { page } = device;
    await page.evaluate(() => window.__syncBench!.fetchPages());
    const layouts: readonly FloorLayout[] = ['segment', 'record-and-article', 'record-with-article'];
    const reports = new Map<FloorLayout, FloorReport[]>(layouts.map((layout) => [layout, []]));
    for (let repeat = 0; repeat < FLOOR_REPEATS; repeat += 1) {
      for (const layout of layouts) reports.get(layout)!.push(await page.evaluate((which) => window.__syncBench!.floor(which), layout));
    }
    return layouts.map((layout) => {
      const runs = reports.get(layout)!;
      return { layout, ms: summarize(runs.map((run) => run.ms)), puts: runs[0]!.puts, transactions: runs[0]!.transactions };
    });
  } finally {
    await device.close();
  }
}

async function measureProfiles(
  browser: Browser,
  server: RunningServer,
  pusher: BenchUser,
  puller: BenchUser,
  saves: readonly BenchSave[],
  options: SyncChromiumOptions,
): Promise<SyncProfiles> {
  const profileFile = path.join(options.workDir, 'push-server.cpuprofile');
  const serverProfiled: Around = async (_page, work) => {
    await server.startProfile();
    try {
      return await work();
    } finally {
      await server.stopProfile(profileFile);
    }
  };
  await pushRun(browser, server.origin, pusher, saves, options.databaseFile, serverProfiled);
  const renderer: { profile?: RendererProfile } = {};
  const rendererProfiled: Around = async (page, work) => {
    const { result, profile } = await profileRenderer(page, work);
    renderer.profile = profile;
    return result;
  };
  const pull = await pullRun(browser, server.origin, puller, INITIAL_SYNC_FAVORITES, rendererProfiled);
  check(renderer.profile !== undefined, 'the initial sync was not profiled');
  return { pushServer: summarizeCpuProfile(profileFile, SERVER_PROFILE_PLACES + 1), pullRenderer: renderer.profile, pullPassMs: pull.passMs };
}

function summarizeRuns<T extends object>(runs: readonly T[]): Summaries<T> {
  const keys = Object.keys(runs[0]!) as (keyof T)[];
  return Object.fromEntries(keys.map((key) => [key, summarize(runs.map((run) => run[key] as number))])) as Summaries<T>;
}

/** Part sync, ready to run: its server up, its page built, its accounts seeded. */
export interface SyncBench {
  /** One push run and one initial sync run, each on a fresh device; the first WARMUP_RUNS are not counted. */
  run(): Promise<void>;
  /** The floors and the profiled runs, then the figures of the runs made. */
  finish(): Promise<SyncChromiumResult>;
  close(): Promise<void>;
}

/** Seeds, builds and starts what part sync needs, driving `browser` (which may be shared with part pouchdb). */
export async function openSyncBench(options: SyncChromiumOptions, browser: Browser): Promise<SyncBench> {
  const nowMs = Date.now();
  const data = benchData(INITIAL_SYNC_FAVORITES, nowMs);
  const seed = await seedSyncDatabase(options.databaseFile, data, WARMUP_RUNS + options.runs + PROFILED_RUNS, nowMs);
  const staticDir = path.join(options.workDir, 'page');
  mkdirSync(staticDir, { recursive: true });
  const bundle = await buildBrowserBundle(PAGE_ENTRY, staticDir, BUNDLE_NAME);
  writeFileSync(path.join(staticDir, 'index.html'), PAGE_HTML);
  const saves = data.favorites.slice(0, PUSH_WRITES).map(saveOf);
  const server = await startServerProcess(options.databaseFile, staticDir);
  const pushes: PushRun[] = [];
  const pulls: PullRun[] = [];

  return {
    async run() {
      const run = pushes.length;
      check(run < WARMUP_RUNS + options.runs, 'more sync runs than accounts seeded');
      const push = await pushRun(browser, server.origin, seed.pushers[run]!, saves, options.databaseFile);
      const pull = await pullRun(browser, server.origin, seed.puller, INITIAL_SYNC_FAVORITES);
      pushes.push(push);
      pulls.push(pull);
      console.log(
        `  ours, run ${run + 1}${run < WARMUP_RUNS ? ' (warm-up)' : ''}: push ${Math.round(push.outboxEmptyMs)} ms ` +
          `(pass ${Math.round(push.passMs)} ms), initial sync ${Math.round(pull.passMs)} ms`,
      );
    },
    async finish() {
      check(pushes.length > WARMUP_RUNS, 'no counted sync run');
      const floors = await measureFloors(browser, server.origin, seed.puller);
      const profiles = await measureProfiles(browser, server, seed.pushers.at(-1)!, seed.puller, saves, options);
      return {
        runs: pushes.length - WARMUP_RUNS,
        chromiumVersion: browser.version(),
        seedSeconds: seed.seconds,
        bundleBytes: bundle.bytes,
        push: summarizeRuns(pushes.slice(WARMUP_RUNS)),
        pull: summarizeRuns(pulls.slice(WARMUP_RUNS)),
        pushWarmup: pushes[0]!,
        pullWarmup: pulls[0]!,
        floors,
        profiles,
      };
    },
    close: () => server.stop(),
  };
}

/** Launches Chromium (Debian's, never a downloaded one) for the sync parts. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/** Part sync on its own: WARMUP_RUNS + `runs` runs, then the floors and the profiles. */
export async function measureSyncChromium(options: SyncChromiumOptions): Promise<SyncChromiumResult> {
  const browser = await launchChromium();
  try {
    const bench = await openSyncBench(options, browser);
    try {
      for (let run = 0; run < WARMUP_RUNS + options.runs; run += 1) await bench.run();
      return await bench.finish();
    } finally {
      await bench.close();
    }
  } finally {
    await browser.close();
  }
}
