/**
 * Part `pouchdb`: the peer, on the same documents and the same machine as part `sync`.
 * PouchDB 9 (pouchdb-browser, IndexedDB through its `idb` adapter) in the same Chromium,
 * replicating with pouchdb-server 4 (LevelDB on disk) on 127.0.0.1. Each run, in a fresh
 * browser context:
 * - push: 1,000 favorites written locally (one `put` each, as saves would be), then timed:
 *   replication into a fresh, empty server database; the server's count is checked.
 * - pull: replication of the server database holding 10,000 favorites into a fresh local
 *   one; the local count is checked.
 * Both with PouchDB's default replication settings and with batches the size of ours. The
 * runs alternate with part sync's (`measureSyncAndPouchdb`), so the ratio compares runs made
 * under the same load.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { buildBrowserBundle } from '../lib/browserBundle';
import { summarize, type LatencySummary } from '../lib/percentiles';
import { benchData, type BenchFavorite } from '../lib/syncBenchData';
import { ensurePeerInstalled } from './ensurePeerInstalled';
import type { PouchFavoriteDoc, PouchReplicationReport } from './pouchPage';
import type { PouchReplicationOptions } from 'pouchdb-browser';
import { launchChromium, openSyncBench, WARMUP_RUNS, type SyncChromiumOptions, type SyncChromiumResult } from '../syncChromium';
import { startPouchServer } from './pouchServerProcess';

const PAGE_TIMEOUT_MS = 300_000;
const PAGE_ENTRY = fileURLToPath(new URL('./pouchPage.ts', import.meta.url));
const PULL_DB = 'favorites-10k';
const LOCAL_DB = 'favorites';
/** Documents per _bulk_docs request when seeding the server. */
const SEED_BATCH = 1_000;

/** PouchDB's defaults, and batches as large as our push (500) and pull (1,000) use. */
export const POUCH_SETTINGS = [
  { label: 'defaults (batch_size 100, batches_limit 10)', push: {}, pull: {} },
  { label: 'batches like ours (push 500, pull 1,000)', push: { batch_size: 500 }, pull: { batch_size: 1_000 } },
] as const satisfies readonly { label: string; push: PouchReplicationOptions; pull: PouchReplicationOptions }[];

export interface PouchdbOptions {
  /** An empty directory: the server's files and the page bundle. */
  readonly workDir: string;
  readonly runs: number;
  readonly pushDocs: number;
  readonly pullDocs: number;
}

export interface PouchSettingResult {
  readonly label: string;
  /** Replication of the 1,000 queued docs to the server, ms. */
  readonly push: LatencySummary;
  /** Replication of 10,000 docs into a fresh local database, ms. */
  readonly pull: LatencySummary;
  /** Inside the local bulkDocs during the pull (IndexedDB writes), ms. */
  readonly pullLocalWrite: LatencySummary;
  readonly pushWarmupMs: number;
  readonly pullWarmupMs: number;
}

export interface PouchdbResult {
  readonly runs: number;
  readonly chromiumVersion: string;
  readonly versions: { readonly pouchdbBrowser: string; readonly pouchdbServer: string };
  /** Writing the 1,000 docs locally, one put each (not part of the push), ms. */
  readonly queue: LatencySummary;
  readonly settings: readonly PouchSettingResult[];
}

class PouchBenchError extends Error {
  override readonly name = 'PouchBenchError';
}

/** CouchDB reserves ids starting with `_`, which an article id (base64url) may. */
const DOC_ID_PREFIX = 'favorite:';

function favoriteDoc(favorite: BenchFavorite): PouchFavoriteDoc {
  return {
    _id: `${DOC_ID_PREFIX}${favorite.articleId}`,
    articleId: favorite.articleId,
    saved: true,
    savedAt: new Date(favorite.savedMs).toISOString(),
    note: favorite.note ?? '',
    public: favorite.public ?? false,
    tags: favorite.tags ?? [],
    article: favorite.article,
  };
}

async function couch(origin: string, method: string, urlPath: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${origin}/${urlPath}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new PouchBenchError(`${method} /${urlPath}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function serverDocCount(origin: string, db: string): Promise<number> {
  return Number((await couch(origin, 'GET', db))['doc_count']);
}

async function seedPullDatabase(origin: string, docs: readonly PouchFavoriteDoc[]): Promise<void> {
  await couch(origin, 'PUT', PULL_DB);
  for (let first = 0; first < docs.length; first += SEED_BATCH) {
    await couch(origin, 'POST', `${PULL_DB}/_bulk_docs`, { docs: docs.slice(first, first + SEED_BATCH) });
  }
  const count = await serverDocCount(origin, PULL_DB);
  if (count !== docs.length) throw new PouchBenchError(`seeded ${count} docs, not ${docs.length}`);
}

/** A fresh context on the server's origin with the page's script injected (same-origin replication, no CORS). */
async function openPage(browser: Browser, origin: string, script: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    await page.goto(`${origin}/`);
    await page.addScriptTag({ content: script, type: 'module' });
    await page.waitForFunction(() => window.__pouchBench !== undefined);
    return { page, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

function packageVersion(name: string): string {
  const file = fileURLToPath(new URL(`./node_modules/${name}/package.json`, import.meta.url));
  return String((JSON.parse(readFileSync(file, 'utf8')) as { version: unknown }).version);
}

interface RawRun {
  readonly queueMs: number;
  readonly push: PouchReplicationReport;
  readonly pull: PouchReplicationReport;
}

async function runOnce(
  browser: Browser,
  origin: string,
  script: string,
  docs: readonly PouchFavoriteDoc[],
  options: PouchdbOptions,
  setting: (typeof POUCH_SETTINGS)[number],
  remotePushDb: string,
): Promise<RawRun> {
  await couch(origin, 'PUT', remotePushDb);
  const pushDevice = await openPage(browser, origin, script);
  let queueMs: number;
  let push: PouchReplicationReport;
  try {
    const pushDocs = docs.slice(0, options.pushDocs);
    ({ ms: queueMs } = await pushDevice.page.evaluate(([name, all]) => window.__pouchBench!.queue(name, all), [LOCAL_DB, pushDocs] as const));
    push = await pushDevice.page.evaluate(
      ([name, remote, replication]) => window.__pouchBench!.push(name, remote, replication),
      [LOCAL_DB, remotePushDb, setting.push] as const,
    );
  } finally {
    await pushDevice.close();
  }
  const onServer = await serverDocCount(origin, remotePushDb);
  if (onServer !== options.pushDocs) throw new PouchBenchError(`push: the server holds ${onServer} docs, not ${options.pushDocs}`);

  const pullDevice = await openPage(browser, origin, script);
  try {
    const pull = await pullDevice.page.evaluate(
      ([name, remote, replication]) => window.__pouchBench!.pull(name, remote, replication),
      [LOCAL_DB, PULL_DB, setting.pull] as const,
    );
    if (pull.localDocs !== options.pullDocs) throw new PouchBenchError(`pull: the device holds ${pull.localDocs} docs, not ${options.pullDocs}`);
    return { queueMs, push, pull };
  } finally {
    await pullDevice.close();
  }
}

/** Part pouchdb, ready to run: the peer installed, its server up and seeded, its page built. */
interface PouchBench {
  /** One push and one pull with `setting`; the first WARMUP_RUNS of each setting are not counted. */
  run(setting: PouchSetting): Promise<void>;
  finish(): PouchdbResult;
  close(): Promise<void>;
}

type PouchSetting = (typeof POUCH_SETTINGS)[number];

async function openPouchBench(options: PouchdbOptions, browser: Browser): Promise<PouchBench> {
  ensurePeerInstalled();
  const docs = benchData(options.pullDocs, Date.now()).favorites.map(favoriteDoc);
  const bundle = await buildBrowserBundle(PAGE_ENTRY, path.join(options.workDir, 'page'), 'pouch-bench');
  const script = readFileSync(bundle.file, 'utf8');
  const server = await startPouchServer(path.join(options.workDir, 'server'));
  try {
    await seedPullDatabase(server.origin, docs);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const runs = new Map<PouchSetting, RawRun[]>(POUCH_SETTINGS.map((setting) => [setting, []]));
  let remoteDbs = 0;

  return {
    async run(setting) {
      const done = runs.get(setting)!;
      remoteDbs += 1;
      const raw = await runOnce(browser, server.origin, script, docs, options, setting, `push-${remoteDbs}`);
      done.push(raw);
      console.log(
        `  PouchDB, ${setting.label}, run ${done.length}${done.length <= WARMUP_RUNS ? ' (warm-up)' : ''}: ` +
          `push ${Math.round(raw.push.ms)} ms, pull ${Math.round(raw.pull.ms)} ms`,
      );
    },
    finish() {
      const settings = POUCH_SETTINGS.map((setting): PouchSettingResult => {
        const all = runs.get(setting)!;
        const counted = all.slice(WARMUP_RUNS);
        if (counted.length === 0) throw new PouchBenchError(`no counted run with ${setting.label}`);
        return {
          label: setting.label,
          push: summarize(counted.map((run) => run.push.ms)),
          pull: summarize(counted.map((run) => run.pull.ms)),
          pullLocalWrite: summarize(counted.map((run) => run.pull.localWriteMs)),
          pushWarmupMs: all[0]!.push.ms,
          pullWarmupMs: all[0]!.pull.ms,
        };
      });
      const queueMs = [...runs.values()].flatMap((all) => all.slice(WARMUP_RUNS).map((run) => run.queueMs));
      return {
        runs: options.runs,
        chromiumVersion: browser.version(),
        versions: { pouchdbBrowser: packageVersion('pouchdb-browser'), pouchdbServer: packageVersion('pouchdb-server') },
        queue: summarize(queueMs),
        settings,
      };
    },
    close: () => server.stop(),
  };
}

/**
 * Parts sync and pouchdb together, their runs interleaved (ours, then PouchDB's with each
 * setting, again and again) in one Chromium, so other work on the machine weighs on both
 * alike and the ratio compares like with like.
 */
export async function measureSyncAndPouchdb(
  syncOptions: SyncChromiumOptions,
  pouchOptions: PouchdbOptions,
): Promise<{ sync: SyncChromiumResult; pouchdb: PouchdbResult }> {
  const browser = await launchChromium();
  try {
    const ours = await openSyncBench(syncOptions, browser);
    try {
      const theirs = await openPouchBench(pouchOptions, browser);
      try {
        for (let run = 0; run < WARMUP_RUNS + Math.max(syncOptions.runs, pouchOptions.runs); run += 1) {
          if (run < WARMUP_RUNS + syncOptions.runs) await ours.run();
          if (run < WARMUP_RUNS + pouchOptions.runs) for (const setting of POUCH_SETTINGS) await theirs.run(setting);
        }
        const pouchdb = theirs.finish();
        return { sync: await ours.finish(), pouchdb };
      } finally {
        await theirs.close();
      }
    } finally {
      await ours.close();
    }
  } finally {
    await browser.close();
  }
}
