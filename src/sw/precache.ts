import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';

/**
 * The app shell (HTML, JS, CSS, manifest, icons) from the build's precache list. Only
 * Workbox's own precaches of older builds are cleaned up: IndexedDB (the user's favorites and
 * outbox, which the worker only syncs) is never deleted, so an update keeps local data.
 */
export function installPrecache(entries: (PrecacheEntry | string)[]): void {
  precacheAndRoute(entries);
  cleanupOutdatedCaches();
}
