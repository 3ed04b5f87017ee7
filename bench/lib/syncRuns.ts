/**
 * One run of part sync on a fresh device (a fresh browser context: empty IndexedDB, a new
 * client id), driving bench/lib/syncBenchPage.ts, and checking what it did:
 * - push: the device syncs once (nothing there), goes offline, queues the saves, fails a pass
 *   offline, comes back online; timed from `networkReturned()` until the outbox is empty (the
 *   last acknowledgement) and until the pass ends; the server's count is checked in its database.
 * - initial sync: a first pass on an empty device, timed until it ends with the cursor current;
 *   the local count is checked.
 */
import type { Browser, Page } from '@playwright/test';
import { SESSION_COOKIE } from '../../src/contract';
import type { BenchData } from './syncBenchData';
import type { BenchSave, DeviceState, PassReport, Span, SpanKind } from './syncBenchPage';
import { serverSavedCount, type BenchUser } from './syncSeed';

/** A hang guard; a pass here takes a second or two. */
const PAGE_TIMEOUT_MS = 120_000;

/** One push run, in ms. */
export interface PushRun {
  /** networkReturned() until the last acknowledgement: every write on the server, the outbox empty. */
  readonly outboxEmptyMs: number;
  /** networkReturned() until the pass ended (its pull brought the 1,000 back). */
  readonly passMs: number;
  /** Push requests: sending, the server's work and the answer read (fetch alone). */
  readonly pushFetchMs: number;
  /** Push requests: serialising the batch, parsing and validating the answers. */
  readonly pushCodecMs: number;
  /** IndexedDB: the acknowledge transactions. */
  readonly acknowledgeMs: number;
  readonly pushRequests: number;
  readonly pullFetchMs: number;
  readonly pullCodecMs: number;
  /** IndexedDB: the applyPull transactions of the pull that follows the push. */
  readonly applyPullMs: number;
  /** Queuing the 1,000 saves offline, one transaction each (not part of the pass). */
  readonly queueMs: number;
}

/** One initial sync run, in ms. */
export interface PullRun {
  readonly passMs: number;
  readonly pullFetchMs: number;
  readonly pullCodecMs: number;
  /** IndexedDB: the applyPull transactions. */
  readonly applyPullMs: number;
  readonly pullRequests: number;
  /** Characters of JSON received. */
  readonly receivedChars: number;
  /** After the sync: the whole list read by a page opening the database (nothing cached). */
  readonly coldListMs: number;
}

/** Runs the part of a run that is timed; a profiler wraps it for the profiled runs. */
export type Around = <T>(page: Page, work: () => Promise<T>) => Promise<T>;
export const directly: Around = (_page, work) => work();

class SyncBenchError extends Error {
  override readonly name = 'SyncBenchError';
}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new SyncBenchError(message);
}

const total = (spans: readonly Span[], kind: SpanKind) =>
  spans.filter((span) => span.kind === kind).reduce((sum, span) => sum + (span.endMs - span.startMs), 0);
const count = (spans: readonly Span[], kind: SpanKind) => spans.filter((span) => span.kind === kind).length;

function passSucceeded(report: PassReport, what: string): void {
  check(report.state === 'synced', `${what}: the pass ended "${report.state}" (${report.error ?? 'no error'})`);
}

export function saveOf(favorite: BenchData['favorites'][number]): BenchSave {
  return {
    article: favorite.article,
    ...(favorite.note !== undefined ? { note: favorite.note } : {}),
    ...(favorite.public !== undefined ? { public: favorite.public } : {}),
    ...(favorite.tags !== undefined ? { tags: favorite.tags } : {}),
  };
}

/** A fresh device signed in as `user`, with the benchmark page loaded and its database open. */
export async function openDevice(browser: Browser, origin: string, user: BenchUser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  try {
    await context.addCookies([{ name: SESSION_COOKIE, value: user.sessionToken, url: origin }]);
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.__syncBench !== undefined);
    await page.evaluate((userId) => window.__syncBench!.open(userId), user.id);
    return { page, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

const deviceState = (page: Page): Promise<DeviceState> => page.evaluate(() => window.__syncBench!.state());

export async function pushRun(
  browser: Browser,
  origin: string,
  user: BenchUser,
  saves: readonly BenchSave[],
  databaseFile: string,
  around: Around = directly,
): Promise<PushRun> {
  const device = await openDevice(browser, origin, user);
  try {
    const { page } = device;
    const context = page.context();
    passSucceeded(await page.evaluate(() => window.__syncBench!.sync()), 'push, first pass');
    await context.setOffline(true);
    const queued = await page.evaluate((all) => window.__syncBench!.queueSaves(all), saves);
    const offline = await page.evaluate(() => window.__syncBench!.sync());
    check(offline.state === 'offline', `push: the pass while offline ended "${offline.state}"`);
    await context.setOffline(false);
    const pass = await around(page, () => page.evaluate(() => window.__syncBench!.reconnect()));
    passSucceeded(pass, 'push');

    const state = await deviceState(page);
    check(state.pending === 0, `push: ${state.pending} writes still pending`);
    check(state.saved === saves.length, `push: the device shows ${state.saved} saved, not ${saves.length}`);
    const onServer = serverSavedCount(databaseFile, user.id);
    check(onServer === saves.length, `push: the server holds ${onServer} favorites, not ${saves.length}`);

    const lastAck = pass.spans.filter((span) => span.kind === 'acknowledge' && span.amount >= queued.lastMutationId).at(-1);
    check(lastAck !== undefined, 'push: no acknowledgement reached the last mutation');
    const { spans } = pass;
    return {
      outboxEmptyMs: lastAck.endMs - pass.startMs,
      passMs: pass.endMs - pass.startMs,
      pushFetchMs: total(spans, 'pushFetch'),
      pushCodecMs: total(spans, 'push') - total(spans, 'pushFetch'),
      acknowledgeMs: total(spans, 'acknowledge'),
      pushRequests: count(spans, 'push'),
      pullFetchMs: total(spans, 'pullFetch'),
      pullCodecMs: total(spans, 'pull') - total(spans, 'pullFetch'),
      applyPullMs: total(spans, 'applyPull'),
      queueMs: queued.ms,
    };
  } finally {
    await device.close();
  }
}

export async function pullRun(browser: Browser, origin: string, user: BenchUser, expected: number, around: Around = directly): Promise<PullRun> {
  const device = await openDevice(browser, origin, user);
  try {
    const { page } = device;
    const pass = await around(page, () => page.evaluate(() => window.__syncBench!.sync()));
    passSucceeded(pass, 'initial sync');
    const state = await deviceState(page);
    check(state.saved === expected && state.favorites === expected, `initial sync: the device holds ${state.favorites} favorites (${state.saved} saved), not ${expected}`);
    check(state.cursor !== null, 'initial sync: no cursor stored');
    const cold = await page.evaluate(() => window.__syncBench!.coldList());
    check(cold.favorites === expected, `initial sync: a second connection lists ${cold.favorites} favorites, not ${expected}`);
    const { spans } = pass;
    return {
      passMs: pass.endMs - pass.startMs,
      pullFetchMs: total(spans, 'pullFetch'),
      pullCodecMs: total(spans, 'pull') - total(spans, 'pullFetch'),
      applyPullMs: total(spans, 'applyPull'),
      pullRequests: count(spans, 'pull'),
      receivedChars: spans.filter((span) => span.kind === 'pullFetch').reduce((sum, span) => sum + span.amount, 0),
      coldListMs: cold.ms,
    };
  } finally {
    await device.close();
  }
}
