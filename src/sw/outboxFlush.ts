/**
 * The worker flushes the outbox (protocol.md, "Client outbox"):
 * - on a page's `{type: 'flush', userId}` message: one pass for that user, its result sent back
 *   on the message's port, so the page's engine shows the status and runs its backoff and 401
 *   pause as if it had run the pass itself;
 * - on the Background Sync `sync` event tagged `favorites-outbox` (Chromium; the page keeps its
 *   own `online` trigger for the others): one pass for the last user a page flushed for, even
 *   with no tab open, when writes are queued (deliverOutbox: online, Chromium fires it at once,
 *   while the page's own pass is pushing them). A transient failure is rethrown so the browser
 *   retries the event.
 * Passes run inside the user's Web Lock (runOutboxPass): one flusher at a time across tabs and
 * the worker.
 */
import { isTransient } from '../sync';
import { isFlushRequest, OUTBOX_SYNC_TAG, type FlushReply } from './flushProtocol';
import { lastSyncUser, rememberSyncUser } from './lastSyncUser';
import { deliverOutbox, outboxHasWrites, runOutboxPass } from './runOutboxPass';
import { sessionUserId } from './sessionUserId';

declare const self: ServiceWorkerGlobalScope;

/** Background Sync's event (not in TypeScript's WebWorker lib). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

export function installOutboxFlush(): void {
  self.addEventListener('message', (event) => {
    const data: unknown = event.data;
    if (!isFlushRequest(data)) return;
    event.waitUntil(flushForPage(data.userId, event.ports[0]));
  });
  self.addEventListener('sync', (event: Event) => {
    const syncEvent = event as SyncEvent;
    if (syncEvent.tag !== OUTBOX_SYNC_TAG) return;
    syncEvent.waitUntil(flushForSyncEvent());
  });
}

async function flushForPage(userId: string, port: MessagePort | undefined): Promise<void> {
  // Not fatal: without it a later `sync` event only does nothing.
  await rememberSyncUser(userId).catch(() => undefined);
  let reply: FlushReply;
  try {
    reply = { type: 'flushed', result: await runOutboxPass(userId) };
  } catch (error) {
    reply = { type: 'flush-failed', message: error instanceof Error ? error.message : String(error) };
  }
  port?.postMessage(reply);
}

async function flushForSyncEvent(): Promise<void> {
  const userId = await lastSyncUser();
  if (!userId) return;
  // Nothing queued (the page's pass delivered it): no session check, no pass, no request.
  if (!(await outboxHasWrites(userId))) return;
  // No page vouches for the session here: push only when the cookie is that user's, so one
  // user's outbox is never replayed under another's session. Signed out: the queue waits for
  // the next sign-in (whose page flushes it); throwing on "no verdict" makes the browser retry.
  if ((await sessionUserId()) !== userId) return;
  const result = await deliverOutbox(userId);
  if (result && !result.ok && isTransient(result.failure)) {
    throw new Error(`Outbox flush failed (${result.failure.kind}): ${result.failure.message}`);
  }
}
