/**
 * One socket per browser per user: the tabs of one user elect a leader with a Web Lock
 * (`favorites-realtime-<userId>`). The leader holds the lock for as long as its session runs
 * and keeps the socket; the other tabs wait in the lock's queue and the next one takes over
 * when the leader stops or its tab closes (the browser releases a closed tab's locks). The
 * followers still see every pulled change at once: the passes write to the one IndexedDB
 * database that every tab's live queries watch.
 */

/** The part of `navigator.locks` the election needs. */
export interface LeaderLocks {
  request(name: string, options: { signal: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

export function realtimeLockName(userId: string): string {
  return `favorites-realtime-${userId}`;
}

/**
 * Runs `lead` once this tab holds `name`; `lead` returns what ends its leadership. Returns the
 * function that gives the lock up (or leaves the queue). Without Web Locks every tab leads.
 */
export function holdLeadership(locks: LeaderLocks | null, name: string, lead: () => () => void): () => void {
  if (!locks) return lead();
  const queue = new AbortController();
  let resign: () => void = () => undefined;
  const resigned = new Promise<void>((resolve) => (resign = resolve));
  let over = false;
  locks
    .request(name, { signal: queue.signal }, async () => {
      if (over) return;
      const end = lead();
      await resigned;
      end();
    })
    // AbortError: we left the queue before our turn. Nothing else can fail here.
    .catch(() => undefined);
  return () => {
    if (over) return;
    over = true;
    queue.abort();
    resign();
  };
}
