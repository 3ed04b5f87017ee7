/**
 * Runs sync passes for one signed-in user's device database and tells the UI how it goes.
 *
 * - Single flight: `requestSync()` while a pass runs does not start a second one; every such
 *   call coalesces into one follow-up pass (a write made during a pass still gets pushed).
 * - One flusher across tabs and the service worker: each pass holds the Web Lock
 *   `favorites-sync-<userId>` where the platform has Web Locks.
 * - Transient failures (offline, 5xx, a response that is not the contract's) are retried with
 *   exponential backoff and full jitter; a 401 pauses until `resume()` (nothing is dropped);
 *   a 426 stops the engine for good (the app must update); a 409 gap (the server lost
 *   mutations it had acknowledged: restored from a backup) moves the queue to a new client id
 *   (LocalStore.rebaseOutbox) and pushes again at once; other failures wait for the next
 *   request.
 */
import type { LocalStore, RejectedWrite } from './LocalStore';
import { retryDelayMs } from './retryDelayMs';
import { isTransient, type SyncFailure } from './SyncFailure';
import { syncOnce, type SyncOnceDeps, type SyncOnceResult } from './syncOnce';
import type { SyncError, SyncStatus } from './SyncStatus';
import type { Transport } from './transport';

/** The part of `setTimeout` the engine needs; tests pass a manual one. */
export interface SyncTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The part of `navigator.locks` the engine needs: run `callback` while holding `name` exclusively. */
export interface SyncLocks {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
}

export interface SyncEngineOptions {
  /** Whose outbox this is: names the cross-tab lock. */
  readonly userId: string;
  readonly store: LocalStore;
  readonly transport: Transport;
  /** Wall clock in ms; Date.now by default. */
  readonly now?: () => number;
  /** Schedules retries; the global setTimeout by default. */
  readonly timer?: SyncTimer;
  /** Jitter source in [0, 1); Math.random by default. */
  readonly random?: () => number;
  /** Web Locks; `navigator.locks` by default when present; null: no cross-tab exclusion. */
  readonly locks?: SyncLocks | null;
  /** Mutations per push (PUSH_BATCH_MAX by default). */
  readonly batchMax?: number;
  /**
   * Runs one pass: `syncOnce` here by default. The page passes a function that asks the service
   * worker to run it there (the worker then holds the lock, so give `locks: null` with it); the
   * engine's status, backoff and 401 pause stay the same whoever ran the pass.
   */
  readonly pass?: (deps: SyncOnceDeps) => Promise<SyncOnceResult>;
}

/** The Web Lock every flusher of `userId`'s outbox holds during a pass (tabs and the service worker). */
export function syncLockName(userId: string): string {
  return `favorites-sync-${userId}`;
}

export type SyncStatusListener = (status: SyncStatus) => void;

const globalTimer: SyncTimer = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function platformLocks(): SyncLocks | null {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return null;
  return { request: (name, callback) => locks.request(name, () => callback()) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class SyncEngine {
  readonly #options: SyncEngineOptions;
  readonly #now: () => number;
  readonly #timer: SyncTimer;
  readonly #random: () => number;
  readonly #locks: SyncLocks | null;
  readonly #listeners = new Set<SyncStatusListener>();

  #status: SyncStatus = { state: 'synced', pending: 0, rejected: [] };
  /** The running drain loop; null when idle. */
  #loop: Promise<void> | null = null;
  /** A pass was requested that has not started yet. */
  #wanted = false;
  #paused = false;
  #stopped = false;
  /** Consecutive transient failures: the backoff exponent. */
  #attempt = 0;
  #retryHandle: unknown = null;
  /** The last pass hit a gap and the outbox moved to a new client id; the next pass tells if that fixed it. */
  #rebasedForGap = false;

  constructor(options: SyncEngineOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#timer = options.timer ?? globalTimer;
    this.#random = options.random ?? Math.random;
    this.#locks = options.locks === undefined ? platformLocks() : options.locks;
  }

  getStatus(): SyncStatus {
    return this.#status;
  }

  /** Calls `listener` on every status change; returns the unsubscribe function. */
  subscribe(listener: SyncStatusListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Ask for a pass now (after a local write, on `online`, on a poke, on a timer). Resolves when
   * the pass covering this request has finished, whatever its outcome (see the status). While
   * paused or stopped it only refreshes the pending count.
   */
  requestSync(): Promise<void> {
    if (this.#stopped || this.#paused) return this.#refreshPending();
    this.#cancelRetry();
    this.#wanted = true;
    this.#loop ??= this.#drain();
    return this.#loop;
  }

  /**
   * The network came back (`online`, a socket reconnected): the failures counted so far were
   * about the old network, so the backoff starts over. The first pass can still fail (the
   * link is up before the route is), and its retry then comes within RETRY_BASE_MS rather than
   * after the minutes the offline spell had built up.
   */
  networkReturned(): Promise<void> {
    this.#attempt = 0;
    return this.requestSync();
  }

  /** Resolves when no pass is running or queued (a scheduled retry does not count). */
  async settled(): Promise<void> {
    while (this.#loop) await this.#loop;
  }

  /** After the user signed in again: leave the 401 pause and sync what queued meanwhile. */
  resume(): Promise<void> {
    if (!this.#paused) return this.requestSync();
    this.#paused = false;
    this.#setStatus({ state: this.#status.pending > 0 ? 'pending' : 'synced', lastError: undefined });
    return this.requestSync();
  }

  /** The UI has shown the rejected writes; forget them. */
  dismissRejected(): void {
    if (this.#status.rejected.length > 0) this.#setStatus({ rejected: [] });
  }

  /** No more passes or retries (sign-out). A running pass finishes. */
  stop(): void {
    this.#stopped = true;
    this.#cancelRetry();
  }

  async #drain(): Promise<void> {
    try {
      while (this.#wanted && !this.#paused && !this.#stopped) {
        this.#wanted = false;
        await this.#withLock(() => this.#pass());
      }
    } finally {
      // Synchronously after the loop's last check: a request arriving later starts a new loop.
      this.#loop = null;
    }
  }

  async #withLock(pass: () => Promise<void>): Promise<void> {
    if (!this.#locks) return pass();
    await this.#locks.request(syncLockName(this.#options.userId), pass);
  }

  async #pass(): Promise<void> {
    const { store, transport, batchMax, pass = syncOnce } = this.#options;
    try {
      this.#setStatus({ state: 'syncing', pending: await store.pendingCount() });
      const result = await pass({ store, transport, now: this.#now, ...(batchMax ? { batchMax } : {}) });
      const pending = await store.pendingCount();
      const rejected = this.#withRejected(result.rejected);
      if (!result.ok && result.failure.kind === 'gap' && !this.#rebasedForGap) {
        // Once: a new client cannot have a gap, so a second one in a row means something else.
        this.#rebasedForGap = true;
        await store.rebaseOutbox();
        this.#wanted = true;
        return;
      }
      this.#rebasedForGap = false;
      if (result.ok) {
        this.#attempt = 0;
        this.#setStatus({ state: pending > 0 ? 'pending' : 'synced', pending, lastError: undefined, rejected });
      } else {
        this.#setStatus({ ...this.#onFailure(result.failure), pending, rejected });
      }
    } catch (error) {
      // The device's own database failed: no retry loop against a broken store; the next
      // request (a write, a reload) tries again.
      this.#setStatus({ state: 'error', lastError: { kind: 'local', message: messageOf(error) } });
    }
  }

  /** Reacts to a failed pass; returns the status it leaves. */
  #onFailure(failure: SyncFailure): Pick<SyncStatus, 'state' | 'lastError'> {
    if (isTransient(failure)) {
      // The scheduled retry covers requests made during this pass: no immediate re-run.
      this.#wanted = false;
      this.#scheduleRetry();
      return { state: failure.kind === 'offline' ? 'offline' : 'error', lastError: failure };
    }
    if (failure.kind === 'unauthenticated') {
      // Nothing is dropped: the outbox waits for resume() after the user signs in again.
      this.#paused = true;
      return { state: 'paused', lastError: failure };
    }
    // 426: this build can never sync again; gap and other 4xx: wait for the next request.
    if (failure.kind === 'upgrade') this.stop();
    return { state: 'error', lastError: failure };
  }

  #scheduleRetry(): void {
    this.#cancelRetry();
    const delayMs = retryDelayMs(this.#attempt, this.#random);
    this.#attempt += 1;
    this.#retryHandle = this.#timer.setTimeout(() => {
      this.#retryHandle = null;
      void this.requestSync();
    }, delayMs);
  }

  #cancelRetry(): void {
    if (this.#retryHandle === null) return;
    this.#timer.clearTimeout(this.#retryHandle);
    this.#retryHandle = null;
  }

  async #refreshPending(): Promise<void> {
    try {
      const pending = await this.#options.store.pendingCount();
      if (pending !== this.#status.pending) this.#setStatus({ pending });
    } catch (error) {
      this.#setStatus({ state: 'error', lastError: { kind: 'local', message: messageOf(error) } });
    }
  }

  #withRejected(more: readonly RejectedWrite[]): readonly RejectedWrite[] {
    return more.length > 0 ? [...this.#status.rejected, ...more] : this.#status.rejected;
  }

  #setStatus(change: Partial<SyncStatus> & { lastError?: SyncError | undefined }): void {
    const next: SyncStatus = { ...this.#status, ...change };
    if (next.lastError === undefined) delete (next as { lastError?: SyncError }).lastError;
    this.#status = next;
    for (const listener of this.#listeners) listener(next);
  }
}
