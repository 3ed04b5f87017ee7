/**
 * Propagation latency (issue 4): how long a save on one device takes to show on the user's
 * other device. The built app served by the real server (its own process, a fresh database),
 * two Chromium contexts signed in as one user (two devices: own cookies, IndexedDB and service
 * worker), both on Browse. Device A clicks "Save to favorites" on a row; the time runs from
 * that click (the `click` event's wall time in A) to the first animation frame after the same
 * row's button on device B turned `aria-pressed="true"` (wall time in B), both read with
 * `Date.now()` inside the pages (one machine, one clock; ms resolution). Each save is followed
 * by a remove, timed the same way (to `aria-pressed="false"`), so the rows cycle.
 *
 * The path measured: A's local write, A's pass (by A's service worker) pushing it, the
 * server's commit and poke over B's WebSocket, B's pass (by B's worker) pulling it into
 * IndexedDB, B's live query re-rendering the row.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { SYNC_WS_PATH } from '../src/contract/realtime';
import { routes } from '../src/contract/routes';
import { buildApp, type BuiltApp } from './firstLoad';
import { summarize, type LatencySummary } from './lib/percentiles';
import { startServerProcess } from './lib/serverProcess';

export const PROPAGATION_SAVES_DEFAULT = 100;
export const PROPAGATION_TARGET_P95_MS = 250;
/** Saves first, not counted: JIT, the workers' first passes, IndexedDB warm-up. */
const WARMUP_SAVES = 5;
/** The rows cycled through (all on screen at once in the default 1280×720 viewport). */
const ROWS_USED = 4;
/** A hang guard: one propagation takes a fraction of a second. */
const STEP_TIMEOUT_MS = 15_000;
const CSRF = { 'X-Requested-With': 'favorites' };
const PASSWORD = 'propagation bench password';

export interface PropagationOptions {
  readonly databaseFile: string;
  /** Empty temporary directory for the build. */
  readonly outDir: string;
  readonly saves: number;
}

export interface PropagationResult {
  readonly saves: number;
  readonly chromiumVersion: string;
  readonly build: BuiltApp;
  /** Click on A to B's painted frame showing the row saved (ms). */
  readonly save: LatencySummary;
  /** The same for removing it. */
  readonly remove: LatencySummary;
  /** Click on A to B's DOM holding the new state (before its paint), saves (ms). */
  readonly saveDom: LatencySummary;
  /** Where the time of a save goes (ms), from the browser's own request timings. */
  readonly phases: Record<PhaseName, LatencySummary>;
  /** WebSockets each device opened during the run (1 each when nothing dropped). */
  readonly socketsOpened: readonly [number, number];
}

/**
 * The legs of one save: A's click to A's push leaving (local write, the pass handed to A's
 * worker); A's push (request to response: the server's commit, which also sends the poke);
 * A's push answered to B's pull leaving (the poke's trip, B's pass handed to B's worker; the
 * poke leaves before the answer, so this can be below zero); B's pull; B's pull answered to
 * B's DOM showing it (the worker's IndexedDB write, the live query, React).
 */
export const PHASE_NAMES = ['clickToPush', 'push', 'pushToPull', 'pull', 'pullToDom'] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];

/** A sync request as the browser timed it (wall clock ms). */
interface TimedRequest {
  readonly path: string;
  readonly startMs: number;
  readonly endMs: number;
}

interface Device {
  readonly context: BrowserContext;
  readonly page: Page;
  sockets: number;
  /** Every finished push and pull, the service worker's included. */
  readonly requests: TimedRequest[];
  /** Resolves once a socket of this device got the server's `hello`. */
  readonly greeted: Promise<void>;
}

/**
 * In B: arms `window.__benchSeen`, a promise of the wall time B's DOM first showed the row of
 * `articleId` with `aria-pressed` = `pressed`, and of the first animation frame after it (the
 * frame that paints it). Strings, not functions: tsx compiles functions with esbuild's `__name`
 * helper, which the page lacks.
 */
const ARM_ROW_WATCH = (articleId: string, pressed: boolean) => `(() => {
  const button = () => document.querySelector('a[href="/articles/${articleId}"]')?.closest('article')?.querySelector('button[aria-pressed]');
  window.__benchSeen = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (button()?.getAttribute('aria-pressed') !== '${String(pressed)}') return;
      const domAt = Date.now();
      observer.disconnect();
      requestAnimationFrame(() => resolve({ domAt, paintAt: Date.now() }));
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-pressed'] });
  });
})()`;

/** In A: arms `window.__benchClick`, a promise of the wall time of the next click on the page. */
const ARM_CLICK_WATCH = `(() => {
  window.__benchClick = new Promise((resolve) => document.addEventListener('click', () => resolve(Date.now()), { capture: true, once: true }));
})()`;

async function openDevice(browser: Browser, origin: string, username: string, signUp: boolean): Promise<Device> {
  const context = await browser.newContext({ baseURL: origin });
  const auth = await context.request.post(`/api/v1/auth/${signUp ? 'signup' : 'login'}`, { data: { username, password: PASSWORD }, headers: CSRF });
  if (!auth.ok()) throw new Error(`${signUp ? 'sign-up' : 'log-in'} failed: ${auth.status()} ${await auth.text()}`);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  let greet: () => void = () => undefined;
  const device: Device = { context, page, sockets: 0, requests: [], greeted: new Promise<void>((resolve) => (greet = resolve)) };
  context.on('requestfinished', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname !== routes.syncPush.path && pathname !== routes.syncPull.path) return;
    const timing = request.timing();
    device.requests.push({ path: pathname, startMs: timing.startTime, endMs: timing.startTime + timing.responseEnd });
  });
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).pathname !== SYNC_WS_PATH) return;
    device.sockets += 1;
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string' && payload.includes('"hello"')) greet();
    });
  });
  await page.goto('/');
  await page.getByRole('article').first().waitFor();
  // The steady state a returning user is in: the service worker controls the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByRole('banner').getByRole('status').filter({ hasText: 'Synced' }).waitFor();
  return device;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`propagation bench: no ${what} within ${STEP_TIMEOUT_MS} ms`)), STEP_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One change on A, timed until B shows it. */
async function timeChange(
  a: Device,
  b: Device,
  articleId: string,
  pressed: boolean,
): Promise<{ paintMs: number; domMs: number; clickAt: number; domAt: number }> {
  await b.page.evaluate(ARM_ROW_WATCH(articleId, pressed));
  await a.page.evaluate(ARM_CLICK_WATCH);
  const button = a.page.locator(`article:has(a[href="/articles/${articleId}"])`).getByRole('button', { name: 'Save to favorites' });
  await button.click();
  const clickAt = (await a.page.evaluate('window.__benchClick')) as number;
  const { domAt, paintAt } = (await withTimeout(b.page.evaluate('window.__benchSeen'), `row ${pressed ? 'saved' : 'removed'} on device B`)) as {
    domAt: number;
    paintAt: number;
  };
  return { paintMs: paintAt - clickAt, domMs: domAt - clickAt, clickAt, domAt };
}

/** Splits each save into PHASE_NAMES by the first push on A and the first pull on B after its click. */
function phasesOf(saves: readonly { clickAt: number; domAt: number }[], aRequests: readonly TimedRequest[], bRequests: readonly TimedRequest[]) {
  const legs: Record<PhaseName, number[]> = { clickToPush: [], push: [], pushToPull: [], pull: [], pullToDom: [] };
  const first = (requests: readonly TimedRequest[], path: string, afterMs: number, beforeMs: number) =>
    requests.filter((request) => request.path === path && request.startMs >= afterMs && request.endMs <= beforeMs).sort((x, y) => x.startMs - y.startMs)[0];
  for (const { clickAt, domAt } of saves) {
    const push = first(aRequests, routes.syncPush.path, clickAt, domAt);
    const pull = push && first(bRequests, routes.syncPull.path, push.startMs, domAt);
    if (!push || !pull) continue;
    legs.clickToPush.push(push.startMs - clickAt);
    legs.push.push(push.endMs - push.startMs);
    legs.pushToPull.push(pull.startMs - push.endMs);
    legs.pull.push(pull.endMs - pull.startMs);
    legs.pullToDom.push(domAt - pull.endMs);
  }
  return Object.fromEntries(PHASE_NAMES.map((name) => [name, summarize(legs[name].length > 0 ? legs[name] : [Number.NaN])])) as Record<PhaseName, LatencySummary>;
}

export async function measurePropagation(options: PropagationOptions): Promise<PropagationResult> {
  const build = await buildApp(options.outDir);
  const server = await startServerProcess(options.databaseFile, options.outDir);
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    try {
      const username = `prop-${process.pid}-${Date.now().toString(36)}`.slice(0, 32);
      const a = await openDevice(browser, server.origin, username, true);
      const b = await openDevice(browser, server.origin, username, false);
      await withTimeout(b.greeted, 'greeted WebSocket on device B');
      const hrefs = await a.page.locator('article a[href^="/articles/"]').evaluateAll((links, count) =>
        links.slice(0, count).map((link) => link.getAttribute('href')!), ROWS_USED);
      const articleIds = hrefs.map((href) => path.posix.basename(href));
      if (articleIds.length < ROWS_USED) throw new Error(`propagation bench: only ${articleIds.length} rows on Browse`);

      const save: number[] = [];
      const saveDom: number[] = [];
      const remove: number[] = [];
      const saveTimes: { clickAt: number; domAt: number }[] = [];
      for (let i = 0; i < WARMUP_SAVES + options.saves; i += 1) {
        const articleId = articleIds[i % articleIds.length]!;
        const saved = await timeChange(a, b, articleId, true);
        const removed = await timeChange(a, b, articleId, false);
        if (i < WARMUP_SAVES) continue;
        save.push(saved.paintMs);
        saveDom.push(saved.domMs);
        remove.push(removed.paintMs);
        saveTimes.push(saved);
      }
      return {
        saves: save.length,
        chromiumVersion: browser.version(),
        build,
        save: summarize(save),
        remove: summarize(remove),
        saveDom: summarize(saveDom),
        phases: phasesOf(saveTimes, a.requests, b.requests),
        socketsOpened: [a.sockets, b.sockets],
      };
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}
