/** Background passes while the page stays open, so other devices' changes arrive (ms). */
export const SYNC_INTERVAL_MS = 60_000;

export interface SyncTriggers {
  /** A pass now (page visible again, the timer). */
  readonly sync: () => void;
  /** The browser says the network is back: a pass now, with the backoff started over. */
  readonly networkReturned: () => void;
}

/**
 * Calls `networkReturned` when the network returns, `sync` when the page becomes visible again
 * and every SYNC_INTERVAL_MS. Returns the function that removes them all.
 */
export function attachSyncTriggers({ sync, networkReturned }: SyncTriggers, target: Window = window): () => void {
  const onVisibility = () => {
    if (target.document.visibilityState === 'visible') sync();
  };
  target.addEventListener('online', networkReturned);
  target.document.addEventListener('visibilitychange', onVisibility);
  const interval = target.setInterval(sync, SYNC_INTERVAL_MS);
  return () => {
    target.removeEventListener('online', networkReturned);
    target.document.removeEventListener('visibilitychange', onVisibility);
    target.clearInterval(interval);
  };
}
