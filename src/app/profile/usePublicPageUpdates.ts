import { useEffect } from 'react';

/**
 * Keeps a public page current: reloads it when the page becomes visible again and when the
 * network returns. (Live pushes from the server are added by the real-time channel.)
 */
export function usePublicPageUpdates(_username: string, refresh: () => void): void {
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('online', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);
}
