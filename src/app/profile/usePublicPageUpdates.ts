import { useEffect } from 'react';
import { publicLivePath } from '../../contract';
import { RealtimeConnection } from '../../sync/realtime';
import { openBrowserSocket, realtimeUrl } from '../sync/realtimeSocket';

/**
 * Keeps a public page current while it is open: a socket to the page's live channel (no
 * sign-in needed) reloads the list on every poke and after every (re)connect, with the same
 * heartbeat and backoff as the sync socket; plus a reload when the page becomes visible again
 * and when the network returns, for when the socket cannot connect.
 */
export function usePublicPageUpdates(username: string, refresh: () => void): void {
  useEffect(() => {
    let lastVersion = -1;
    let everConnected = false;
    const connection = new RealtimeConnection({
      url: realtimeUrl(window.location, publicLivePath(username)),
      openSocket: openBrowserSocket,
      isNewer: (_space, version) => {
        const newer = version > lastVersion;
        lastVersion = Math.max(lastVersion, version);
        return newer;
      },
      requestSync: refresh,
      // The first connect follows the page's own first load; later ones may have missed pokes.
      connected: () => {
        if (everConnected) refresh();
        everConnected = true;
      },
      // Nobody signs in to watch a public page.
      unauthenticated: () => undefined,
    });
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    const onOnline = () => {
      connection.networkReturned();
      refresh();
    };
    const onOffline = () => connection.networkLost();
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    document.addEventListener('visibilitychange', onVisible);
    connection.start();
    return () => {
      connection.stop();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [username, refresh]);
}
