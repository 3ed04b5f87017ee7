/**
 * Pub/sub between the workers of one server (`WORKERS` > 1, node:cluster) over the cluster's IPC
 * channel: no broker to run. A worker's publish goes to the primary, which relays it to every
 * worker, the sender included (as Redis does), so a commit on worker 1 pokes the sockets worker 2
 * holds. Messages are wrapped as `{ favoritesRealtime: event }`, so other IPC traffic (node:cluster's
 * own, prom-client's metrics requests) passes untouched, and a worker drops anything under that
 * key that is not an event of this version (the schema check, as for Redis).
 *
 * Delivery is at most once, like the other adapters: a worker that is restarting misses the pokes
 * relayed meanwhile; its devices reconnect and pull anyway.
 */
import { RealtimeEvent } from './realtimeEvent';
import { PubSubClosedError, type PubSub, type PubSubLog } from './pubSub';
import { realtimeListeners } from './realtimeListeners';

export const IPC_REALTIME_KEY = 'favoritesRealtime';

export interface IpcRealtimeMessage {
  readonly [IPC_REALTIME_KEY]: RealtimeEvent;
}

export function isIpcRealtimeMessage(message: unknown): message is { readonly [IPC_REALTIME_KEY]: unknown } {
  return typeof message === 'object' && message !== null && IPC_REALTIME_KEY in message;
}

/** A worker's end of its channel to the primary. */
export interface IpcChannel {
  /** Resolves once the message is handed to the channel; rejects when it cannot be. */
  send(message: IpcRealtimeMessage): Promise<void>;
  /** Calls `listener` for every message from the primary; returns the unsubscribe. */
  onMessage(listener: (message: unknown) => void): () => void;
}

export class IpcDisconnectedError extends Error {
  override readonly name = 'IpcDisconnectedError';
  constructor() {
    super('this worker is no longer connected to the cluster primary');
  }
}

/** The channel of this process when it is a cluster worker (or any child with IPC). */
export function processChannel(proc: NodeJS.Process = process): IpcChannel {
  return {
    send(message) {
      return new Promise((resolve, reject) => {
        if (!proc.send || !proc.connected) {
          reject(new IpcDisconnectedError());
          return;
        }
        proc.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
      });
    },
    onMessage(listener) {
      proc.on('message', listener);
      return () => proc.off('message', listener);
    },
  };
}

/** A worker as the primary sees it (node:cluster's Worker fits). */
export interface RelayTarget {
  isConnected(): boolean;
  send(message: IpcRealtimeMessage): boolean;
}

/**
 * The primary's half: when `message` (from any worker) is a realtime message, sends it on to every
 * connected worker and returns true; anything else is left alone (false).
 */
export function relayRealtimeMessage(message: unknown, workers: Iterable<RelayTarget | undefined>): boolean {
  if (!isIpcRealtimeMessage(message)) return false;
  for (const worker of workers) {
    // A worker that just died is still listed until its exit event; it gets nothing.
    if (worker?.isConnected()) worker.send(message as IpcRealtimeMessage);
  }
  return true;
}

const silentLog: PubSubLog = { warn: () => {} };

/** The worker's adapter: publishes through the primary, hears what every worker published. */
export function ipcPubSub(channel: IpcChannel = processChannel(), log: PubSubLog = silentLog): PubSub {
  const listeners = realtimeListeners(log);
  const stopListening = channel.onMessage((message) => {
    if (!isIpcRealtimeMessage(message)) return;
    const parsed = RealtimeEvent.safeParse(message[IPC_REALTIME_KEY]);
    if (!parsed.success) {
      log.warn({}, 'dropped an IPC message that is not a realtime event');
      return;
    }
    listeners.deliver(parsed.data);
  });

  let closed = false;
  return {
    async publish(event) {
      if (closed) throw new PubSubClosedError();
      await channel.send({ [IPC_REALTIME_KEY]: event });
    },
    subscribe: listeners.add,
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      // The listener held the IPC channel open (ref'd); the worker may now exit on its own.
      stopListening();
    },
  };
}
