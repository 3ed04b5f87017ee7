/**
 * One sync pass on a user's device database, run by the service worker with the very code the
 * page runs (`syncOnce` on `createSyncStore` over Dexie, `createTransport`), inside the Web
 * Lock every flusher of that outbox takes, so a tab and the worker never push at the same time.
 *
 * Requests for the same user that arrive while a pass still waits for the lock share that pass
 * (the page's `online` trigger and the Background Sync event fire within ~40 ms of each other);
 * a request arriving once the pass runs gets a pass of its own, so a write made meanwhile is
 * still pushed. The Background Sync event runs `deliverOutbox` instead: a pass only when writes
 * are still queued once it holds the lock.
 */
import { createSyncStore } from '../db';
import { createTransport, syncLockName, syncOnce, type LocalStore, type SyncLocks, type SyncOnceResult, type Transport } from '../sync';
import { workerDatabases, type DatabaseOf } from './workerDatabases';

export interface OutboxPassDeps {
  /** Web Locks (the worker's `navigator.locks`); null runs without cross-context exclusion. */
  readonly locks: SyncLocks | null;
  readonly transport: Transport;
  /** The user's database (workerDatabases: kept open between passes, given up to a page's upgrade). */
  readonly database: DatabaseOf;
  readonly now: () => number;
}

let platform: OutboxPassDeps | undefined;

/** The worker's own: one set for its lifetime, so its database connections are kept between passes. */
export function platformPassDeps(): OutboxPassDeps {
  platform ??= createPlatformPassDeps();
  return platform;
}

function createPlatformPassDeps(): OutboxPassDeps {
  const locks = typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
  return {
    locks: locks ? { request: (name, callback) => locks.request(name, () => callback()) } : null,
    // Same origin: the browser attaches the session cookie at send time; nothing is stored.
    transport: createTransport({}),
    database: workerDatabases(),
    now: Date.now,
  };
}

/** Passes asked for but not yet holding the lock, per user. */
const waiting = new Map<string, Promise<SyncOnceResult>>();

/** Runs (or joins a not-yet-started) pass on `userId`'s outbox. Throws only when the local database fails. */
export function runOutboxPass(userId: string, deps: OutboxPassDeps = platformPassDeps()): Promise<SyncOnceResult> {
  const queued = waiting.get(userId);
  if (queued) return queued;
  // Deferred a microtask, so `run` exists when the pass takes itself off the waiting list.
  const run: Promise<SyncOnceResult> = Promise.resolve().then(() =>
    withLock(deps.locks, syncLockName(userId), async () => {
      if (waiting.get(userId) === run) waiting.delete(userId);
      return passOn(deps, createSyncStore(deps.database(userId)));
    }),
  );
  waiting.set(userId, run);
  // A pass that failed before it got the lock must not stay joinable.
  void run.then(
    () => undefined,
    () => undefined,
  ).then(() => {
    if (waiting.get(userId) === run) waiting.delete(userId);
  });
  return run;
}

/**
 * The Background Sync event's pass: it exists to deliver queued writes, and Chromium fires it
 * as soon as a page registers it while online, when that page's own pass is usually pushing the
 * same writes. So it joins a pass still waiting for the lock, and otherwise, once it holds the
 * lock, runs one only if writes are still queued: null when there was nothing to deliver (no
 * request made). Never joined itself, so a page asking for a full pass (with its pull) gets one.
 */
export function deliverOutbox(userId: string, deps: OutboxPassDeps = platformPassDeps()): Promise<SyncOnceResult | null> {
  const queued = waiting.get(userId);
  if (queued) return queued;
  return withLock(deps.locks, syncLockName(userId), async () => {
    const store = createSyncStore(deps.database(userId));
    return (await store.pendingCount()) > 0 ? passOn(deps, store) : null;
  });
}

/** Whether `userId`'s outbox holds writes (no lock, no request). */
export async function outboxHasWrites(userId: string, deps: Pick<OutboxPassDeps, 'database'> = platformPassDeps()): Promise<boolean> {
  return (await createSyncStore(deps.database(userId)).pendingCount()) > 0;
}

function passOn(deps: OutboxPassDeps, store: LocalStore): Promise<SyncOnceResult> {
  return syncOnce({ store, transport: deps.transport, now: deps.now });
}

async function withLock<T>(locks: SyncLocks | null, name: string, task: () => Promise<T>): Promise<T> {
  if (!locks) return task();
  let result: { value: T } | undefined;
  await locks.request(name, async () => {
    result = { value: await task() };
  });
  return result!.value;
}
