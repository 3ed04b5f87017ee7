/** Background passes while the page stays open, so other devices' changes arrive (ms). */
export const SYNC_INTERVAL_MS = 60_000;

/**
 * Calls `sync` when the network returns, when the page becomes visible again, and every
 * SYNC_INTERVAL_MS. Returns the function that removes them all.
 */
export function attachSyncTriggers(sync: () => void, target: Window = window): () => void {
  const onVisibility = () => {
    if (target.document.visibilityState === 'visible') sync();
  };
  target.addEventListener('online', sync);
  target.document.addEventListener('visibilitychange', onVisibility);
  const interval = target.setInterval(sync, SYNC_INTERVAL_MS);
  return () => {
    target.removeEventListener('online', sync);
    target.document.removeEventListener('visibilitychange', onVisibility);
    target.clearInterval(interval);
  };
}
