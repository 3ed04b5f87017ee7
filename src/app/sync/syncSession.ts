/**
 * The signed-in user's sync engine (protocol.md, "Client outbox"), outside React: the session
 * actions start, suspend and stop it; favorite buttons and the header's Retry ask it for a pass.
 *
 * - Sign-in: a pass at once (its pull brings the server's favorites; nothing else loads them),
 *   then passes after every local write, when the network returns, when the page becomes
 *   visible, every minute, and when the real-time socket says another device changed something.
 * - A 401 during a pass: the engine pauses (nothing is dropped) and the session ends; the same
 *   user's next sign-in resumes the same engine, which pushes what queued meanwhile.
 * - Sign-out: the engine stops; the outbox stays in the user's database for their next sign-in.
 * - Who flushes: the service worker when it controls the page (the engine asks it for each pass
 *   and shows the result), the page itself otherwise (outboxPass). Writes also register a
 *   Background Sync, so the worker flushes when the network returns even with no tab open.
 */
import { useSyncStatusStore } from '../../stores/syncStatusStore';
import { useUiStore } from '../../stores/uiStore';
import { createTransport, SyncEngine, type RejectedWrite } from '../../sync';
import { rejectionMessage } from './rejectionMessage';
import { forgetOutboxSync, registerOutboxSync } from './outboxBackgroundSync';
import { outboxPass } from './outboxPass';
import { startRealtime } from './realtimeSession';
import { attachSyncTriggers } from './syncTriggers';
import { userSyncStore } from './userSyncStore';

interface Running {
  readonly userId: string;
  readonly engine: SyncEngine;
  /** Removes the background triggers and the real-time socket; null while the session is suspended. */
  detachTriggers: (() => void) | null;
}

let running: Running | null = null;

/** What the engine does when the server ends the session; set by the session actions. */
let onUnauthenticated: () => void = () => undefined;

export function whenSyncUnauthenticated(callback: () => void): void {
  onUnauthenticated = callback;
}

/** Start (or, for the user whose session had ended, resume) syncing `userId`'s database. */
export function startSync(userId: string): void {
  if (running?.userId === userId) {
    running.detachTriggers ??= attachBackground(userId);
    useSyncStatusStore.getState().update(running.engine.getStatus());
    void running.engine.resume();
    return;
  }
  stopSync();
  // The pass takes the user's lock itself (the worker takes it when it runs the pass).
  const engine = new SyncEngine({ userId, store: userSyncStore(userId), transport: createTransport({}), locks: null, pass: outboxPass(userId) });
  const current: Running = { userId, engine, detachTriggers: attachBackground(userId) };
  running = current;
  let previous = engine.getStatus();
  engine.subscribe((status) => {
    if (running !== current) return;
    const sessionEnded = status.state === 'paused' && previous.state !== 'paused' && status.lastError?.kind === 'unauthenticated';
    previous = status;
    if (current.detachTriggers) useSyncStatusStore.getState().update(status);
    // Re-enters this listener (with no rejected writes) before it returns.
    if (status.rejected.length > 0) announceRejected(current, status.rejected);
    if (sessionEnded) onUnauthenticated();
  });
  useSyncStatusStore.getState().update(engine.getStatus());
  void engine.requestSync();
}

/** A pass soon (after a local write, from Retry). Harmless when nobody is signed in. */
export function requestSync(): void {
  if (!running) return;
  void running.engine.requestSync();
  // An extra, where the browser has it; the engine's pass above is the flush that counts.
  registerOutboxSync(running.userId).catch((error: unknown) => console.warn('Background Sync registration failed', error));
}

/** Background passes (network back, page visible, timer): nothing new to register. */
const backgroundTriggers = {
  sync: () => void running?.engine.requestSync(),
  networkReturned: () => void running?.engine.networkReturned(),
};

/**
 * Passes nobody asked for: the triggers (network back, page visible, timer) and the real-time
 * socket's pokes (realtimeSession.ts: one tab per browser holds it). Returns what removes them.
 */
function attachBackground(userId: string): () => void {
  const detachTriggers = attachSyncTriggers(backgroundTriggers);
  const stopRealtime = startRealtime(userId, userSyncStore(userId), {
    idle: async () => running?.engine.settled(),
    requestSync: backgroundTriggers.sync,
    networkReturned: backgroundTriggers.networkReturned,
    // Like a 401 from a pass: the session ends, the engine is kept for the same user's next sign-in.
    unauthenticated: () => onUnauthenticated(),
  });
  return () => {
    detachTriggers();
    stopRealtime();
  };
}

/** The session ended without a sign-out (401): keep the engine, paused, for `startSync` to resume. */
export function suspendSync(): void {
  if (!running) return;
  running.detachTriggers?.();
  running.detachTriggers = null;
  useSyncStatusStore.getState().clear();
}

/** Sign-out: no more passes for this user on this page. */
export function stopSync(): void {
  if (!running) return;
  running.detachTriggers?.();
  running.engine.stop();
  running = null;
  void forgetOutboxSync().catch(() => undefined);
  useSyncStatusStore.getState().clear();
}

/** One alert per refused write, naming the article; then the engine forgets them. */
function announceRejected({ engine }: Running, rejected: readonly RejectedWrite[]): void {
  engine.dismissRejected();
  for (const write of rejected) useUiStore.getState().show('error', rejectionMessage(write));
}
