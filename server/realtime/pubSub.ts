/**
 * Pub/sub between the server instances, behind one interface with one adapter per broker:
 * in-process (`memoryPubSub`, the default: one instance) and Redis (`openRedisPubSub`, several
 * instances behind a load balancer). A poke committed on instance 1 must reach the sockets
 * instance 2 holds.
 *
 * Design: ONE channel carries every event (`{type:'poke', space, version}` or a session end),
 * and each instance keeps its own index space → sockets (`SocketRegistry`) and drops events for
 * spaces it holds no socket of with one map lookup. Per-space channels were the alternative; at
 * 10,000 sockets per instance they mean thousands of SUBSCRIBE/UNSUBSCRIBE round trips as
 * devices come and go (and a resubscribe storm after every Redis reconnect), for a saving that
 * only matters once there are many instances: with one channel each instance receives every
 * commit's poke (a few dozen bytes), which a handful of instances handles easily. Past that,
 * shard by space (one channel per hash bucket) behind this same interface.
 *
 * Delivery is at most once: a poke lost to a broker outage costs a device at most its 60 s
 * poll, never data (pokes carry none).
 */
import type { RealtimeEvent } from './realtimeEvent';

export type RealtimeListener = (event: RealtimeEvent) => void;

export interface PubSub {
  /**
   * Sends the event to the listeners of every instance, this one included. Rejects when the
   * broker cannot take it (the caller logs; nothing retries a poke).
   */
  publish(event: RealtimeEvent): Promise<void>;
  /** Calls `listener` for every event any instance publishes; returns the unsubscribe. */
  subscribe(listener: RealtimeListener): () => void;
  /** Closes the broker connections; publish rejects afterwards. */
  close(): Promise<void>;
}

/** The part of a pino logger the realtime modules use. */
export interface PubSubLog {
  warn(details: object, message: string): void;
}

/** The channel every instance of one deployment shares (tests pass their own to stay apart). */
export const REALTIME_CHANNEL_DEFAULT = 'favorites:realtime';

export class PubSubClosedError extends Error {
  override readonly name = 'PubSubClosedError';
  constructor() {
    super('pub/sub is closed');
  }
}
