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
import { createSyncStore, FavoritesDb } from '../db';
import { createTransport, syncLockName, syncOnce, type SyncLocks, type SyncOnceResult, type Transport } from '../sync';

export interface OutboxPassDeps {
  /** Web Locks (the worker's `navigator.locks`); null runs without cross-context exclusion. */
  readonly locks: SyncLocks | null;
  readonly transport: Transport;
  /** Opens the user's database; closed again after the pass, so it never blocks a page's upgrade. */
  readonly openDb: (userId: string) => FavoritesDb;
  readonly now: () => number;
}

export function platformPassDeps(): OutboxPassDeps {
  const locks = typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
  return {
    locks: locks ? { request: (name, callback) => locks.request(name, () => callback()) } : null,
    // Same origin: the browser attaches the session cookie at send time; nothing is stored.
    transport: createTransport({}),
    openDb: (userId) => new FavoritesDb(userId),
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
      return withDb(deps, userId, (db) => passOn(deps, db));
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
  return withLock(deps.locks, syncLockName(userId), () =>
    withDb(deps, userId, async (db) => ((await hasQueuedWrites(db)) ? passOn(deps, db) : null)),
  );
}

/** Whether `userId`'s outbox holds writes (opens and closes the database; no lock, no request). */
export function outboxHasWrites(userId: string, deps: Pick<OutboxPassDeps, 'openDb'> = platformPassDeps()): Promise<boolean> {
  return withDb(deps, userId, hasQueuedWrites);
}

async function hasQueuedWrites(db: FavoritesDb): Promise<boolean> {
  return (await createSyncStore(db).pendingCount()) > 0;
}

function passOn(deps: OutboxPassDeps, db: FavoritesDb): Promise<SyncOnceResult> {
  return syncOnce({ store: createSyncStore(db), transport: deps.transport, now: deps.now });
}

/** Opens the user's database for `task` and closes it after, so the worker never blocks a page's upgrade. */
async function withDb<T>(deps: Pick<OutboxPassDeps, 'openDb'>, userId: string, task: (db: FavoritesDb) => Promise<T>): Promise<T> {
  const db = deps.openDb(userId);
  try {
    return await task(db);
  } finally {
    db.close();
  }
}

async function withLock<T>(locks: SyncLocks | null, name: string, task: () => Promise<T>): Promise<T> {
  if (!locks) return task();
  let result: { value: T } | undefined;
  await locks.request(name, async () => {
    result = { value: await task() };
  });
  return result!.value;
}
