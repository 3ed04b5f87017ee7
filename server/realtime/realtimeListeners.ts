/**
 * The listeners of a broker-backed pub/sub adapter (Redis, IPC): each event a broker delivers
 * goes to every listener, and one that throws is logged without stopping the others or
 * escaping into the broker client's event handler.
 */
import type { PubSubLog, RealtimeListener } from './pubSub';
import type { RealtimeEvent } from './realtimeEvent';

export interface RealtimeListeners {
  /** `PubSub.subscribe`. */
  add(listener: RealtimeListener): () => void;
  deliver(event: RealtimeEvent): void;
  clear(): void;
}

export function realtimeListeners(log: PubSubLog): RealtimeListeners {
  const listeners = new Set<RealtimeListener>();
  return {
    add(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    deliver(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          log.warn({ err: error }, 'realtime listener failed');
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
