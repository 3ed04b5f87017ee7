import type { SyncOnceResult } from '../../sync';
import { flushRequest, isFlushReply } from '../../sw/flushProtocol';

/**
 * A worker may wait for the lock behind another tab's pass, then push and pull several batches
 * (each request up to SYNC_REQUEST_TIMEOUT_MS). Chromium ends a worker's event after 5 minutes,
 * so no answer by then never comes.
 */
export const WORKER_FLUSH_TIMEOUT_MS = 5 * 60_000;

/**
 * Posts `{type: 'flush', userId}` to `worker` and resolves with the result of the pass it ran.
 * No answer in time counts as offline (the engine retries with backoff); an error from the
 * worker's own database rejects (the engine reports it as a local error).
 */
export function askWorkerToFlush(worker: ServiceWorker, userId: string, timeoutMs = WORKER_FLUSH_TIMEOUT_MS): Promise<SyncOnceResult> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const finish = () => {
      clearTimeout(timer);
      channel.port1.close();
    };
    const timer = setTimeout(() => {
      finish();
      const message = 'the service worker did not answer';
      resolve({ ok: false, failure: { kind: 'offline', message }, pushed: 0, rejected: [], pulled: 0 });
    }, timeoutMs);
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      const reply = event.data;
      if (!isFlushReply(reply)) return;
      finish();
      if (reply.type === 'flushed') resolve(reply.result);
      else reject(new Error(reply.message));
    };
    worker.postMessage(flushRequest(userId), [channel.port2]);
  });
}
