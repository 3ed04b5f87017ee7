import { clientsClaim } from 'workbox-core';

declare const self: ServiceWorkerGlobalScope;

/** What the page posts (workbox-window's `messageSkipWaiting`) when the user accepts an update. */
export const SKIP_WAITING_MESSAGE = 'SKIP_WAITING';

/**
 * Updates wait until the user says "Reload": a new worker never takes over open pages on its
 * own, since their code and its precache may not match. The very first worker claims the
 * pages at once, so the first visit already works offline.
 */
export function installLifecycle(): void {
  self.addEventListener('message', (event) => {
    const data: unknown = event.data;
    if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SKIP_WAITING_MESSAGE) {
      void self.skipWaiting();
    }
  });
  clientsClaim();
}
