/**
 * The user whose outbox a Background Sync `sync` event flushes. The event carries no user and
 * the worker is killed between events, so the id lives in Cache Storage (shared by the page and
 * the worker, never cleaned up by Workbox, which only prunes its own precaches), not in memory.
 */
const CACHE_NAME = 'favorites-sync-state-v1';
/** A key, never fetched: Cache Storage wants a URL. Outside /api/, so no route could ever serve it. */
const KEY = '/__favorites/last-sync-user';

/** Remember `userId` as the one the next `sync` event flushes for. */
export async function rememberSyncUser(userId: string): Promise<void> {
  const cache = await caches.open(CACHE_NAME);
  await cache.put(KEY, new Response(userId, { headers: { 'Content-Type': 'text/plain' } }));
}

/** The last remembered user, or null (nobody asked yet, or they signed out). */
export async function lastSyncUser(): Promise<string | null> {
  const cache = await caches.open(CACHE_NAME);
  const response = await cache.match(KEY);
  const userId = response ? (await response.text()).trim() : '';
  return userId || null;
}

/** On sign-out: no `sync` event flushes for this user any more. */
export async function forgetSyncUser(): Promise<void> {
  const cache = await caches.open(CACHE_NAME);
  await cache.delete(KEY);
}
