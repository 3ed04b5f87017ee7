/**
 * Who runs the page engine's passes (protocol.md, "Client outbox"): the service worker when it
 * controls the page, the page itself otherwise (dev, mock mode, a browser without workers).
 * Either way the pass holds the user's Web Lock, so one flusher runs at a time across tabs and
 * the worker; the engine itself is given `locks: null` (holding the lock while waiting for the
 * worker, which needs it, would deadlock).
 */
import { syncLockName, syncOnce, type SyncLocks, type SyncOnceDeps, type SyncOnceResult } from '../../sync';
import { askWorkerToFlush } from './askWorkerToFlush';

export type OutboxPass = (deps: SyncOnceDeps) => Promise<SyncOnceResult>;

export interface OutboxPassOptions {
  /** The worker controlling the page right now, if any; read at every pass (it can arrive later). */
  readonly controller?: () => ServiceWorker | null;
  readonly locks?: SyncLocks | null;
}

function pageController(): ServiceWorker | null {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker.controller : null;
}

function pageLocks(): SyncLocks | null {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? { request: (name, callback) => locks.request(name, () => callback()) } : null;
}

export function outboxPass(userId: string, options: OutboxPassOptions = {}): OutboxPass {
  const controller = options.controller ?? pageController;
  const locks = options.locks === undefined ? pageLocks() : options.locks;
  return async (deps) => {
    const worker = controller();
    if (worker) return askWorkerToFlush(worker, userId);
    if (!locks) return syncOnce(deps);
    let result: SyncOnceResult | undefined;
    await locks.request(syncLockName(userId), async () => {
      result = await syncOnce(deps);
    });
    return result!;
  };
}
