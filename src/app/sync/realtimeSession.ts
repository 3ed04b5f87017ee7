/**
 * The signed-in user's real-time socket on this page (protocol.md, "Real time"): while the
 * session runs, this tab competes for the user's realtime lock; the leader opens the socket
 * and turns pokes into passes of the page's engine (run by the service worker when it controls
 * the page). The pulled rows land in the user's IndexedDB database, so every tab's live
 * queries update, followers included. The browser's `offline`/`online` close and reopen it.
 *
 * Polling stays on whatever the socket does (syncTriggers: every 60 s, `online`, visible
 * again): a socket can look open and deliver nothing for up to a heartbeat (35 s), followers
 * have no socket at all, and a pull that finds nothing costs one small request a minute per
 * tab. Turning the timer on and off by the socket's `state` would save that request at the
 * price of a second code path that must hand over without a gap.
 */
import { holdLeadership, pokeIsNewer, RealtimeConnection, realtimeLockName, type LeaderLocks } from '../../sync/realtime';
import type { LocalStore } from '../../sync';
import { openBrowserSocket, realtimeUrl } from './realtimeSocket';

export interface RealtimeSessionHooks {
  /** Resolves when the engine runs no pass (engine.settled). */
  readonly idle: () => Promise<void>;
  /** A poke newer than the cursor: a pass. */
  readonly requestSync: () => void;
  /** The socket is up again: a pass with the backoff started over. */
  readonly networkReturned: () => void;
  /** The server closed the socket with 4401. */
  readonly unauthenticated: () => void;
}

function pageLocks(): LeaderLocks | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

/** Starts competing for `userId`'s socket; returns the function that ends it (sign-out, 401). */
export function startRealtime(userId: string, store: LocalStore, hooks: RealtimeSessionHooks, target: Window = window): () => void {
  return holdLeadership(pageLocks(), realtimeLockName(userId), () => {
    const connection = new RealtimeConnection({
      url: realtimeUrl(target.location),
      openSocket: openBrowserSocket,
      // After the running pass, if any: the poke of this device's own push arrives while that
      // pass is still to pull it, and asking now would queue a second pull of the same rows.
      isNewer: async (space, version) => {
        await hooks.idle();
        return pokeIsNewer((await store.meta()).cursor, space, version);
      },
      requestSync: hooks.requestSync,
      connected: hooks.networkReturned,
      unauthenticated: hooks.unauthenticated,
    });
    const offline = () => connection.networkLost();
    const online = () => connection.networkReturned();
    target.addEventListener('offline', offline);
    target.addEventListener('online', online);
    if (!target.navigator.onLine) connection.networkLost();
    connection.start();
    return () => {
      target.removeEventListener('offline', offline);
      target.removeEventListener('online', online);
      connection.stop();
    };
  });
}
