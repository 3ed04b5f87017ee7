/**
 * In-process pub/sub: the default for a single instance. Listeners run after the publisher's
 * current work (as they would behind a broker), and a listener that throws rejects the publish
 * instead of escaping as an uncaught exception.
 */
import { PubSubClosedError, type PubSub, type RealtimeListener } from './pubSub';

export function memoryPubSub(): PubSub {
  const listeners = new Set<RealtimeListener>();
  let closed = false;
  return {
    async publish(event) {
      if (closed) throw new PubSubClosedError();
      await Promise.resolve();
      for (const listener of [...listeners]) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
    },
  };
}
