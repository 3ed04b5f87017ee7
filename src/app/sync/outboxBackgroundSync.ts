import { OUTBOX_SYNC_TAG } from '../../sw/flushProtocol';
import { forgetSyncUser, rememberSyncUser } from '../../sw/lastSyncUser';

/** Background Sync's part of a registration (Chromium only; not in TypeScript's DOM lib). */
interface WithSyncManager {
  readonly sync?: { register(tag: string): Promise<void> };
}

/**
 * After a local write: ask the browser for a `sync` event, which the worker answers by flushing
 * `userId`'s outbox once the network is back, even if every tab is closed by then. The user is
 * remembered first, as the event carries none. Where there is no worker or no Background Sync
 * this does nothing: the page's own triggers (`online`, visible, every minute) still flush.
 */
export async function registerOutboxSync(userId: string): Promise<void> {
  if (!('serviceWorker' in navigator) || !navigator.serviceWorker.controller) return;
  const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & WithSyncManager;
  if (!registration.sync) return;
  await rememberSyncUser(userId);
  await registration.sync.register(OUTBOX_SYNC_TAG);
}

/** On sign-out: a pending `sync` event no longer flushes anyone's outbox. */
export async function forgetOutboxSync(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await forgetSyncUser();
}
