/**
 * Redis pub/sub (`REDIS_URL`) for several instances: one publisher connection and one
 * subscriber connection per instance, on one channel (why one: pubSub.ts).
 *
 * - The subscriber reconnects on its own and ioredis resubscribes (`autoResubscribe`), so a
 *   Redis restart costs the pokes published while it was down, not the subscription.
 * - The publisher does not queue while disconnected (`enableOfflineQueue: false`): a poke that
 *   cannot be sent fails at once and is logged, instead of piling up in memory for an outage;
 *   devices poll every 60 s anyway.
 * - Opening fails (and closes both connections) when Redis does not answer at start: a
 *   misconfigured REDIS_URL stops the server instead of silently serving without pokes.
 */
import { Redis } from 'ioredis';
import { decodeRealtimeEvent, encodeRealtimeEvent } from './realtimeEvent';
import { PubSubClosedError, REALTIME_CHANNEL_DEFAULT, type PubSub, type PubSubLog } from './pubSub';
import { realtimeListeners } from './realtimeListeners';

export interface RedisPubSubOptions {
  readonly channel?: string;
  /** Shown by CLIENT LIST as `<name>:pub` and `<name>:sub` (operators, and tests that kill a connection). */
  readonly connectionName?: string;
  readonly log?: PubSubLog;
}

const silentLog: PubSubLog = { warn: () => {} };

export async function openRedisPubSub(url: string, options: RedisPubSubOptions = {}): Promise<PubSub> {
  const channel = options.channel ?? REALTIME_CHANNEL_DEFAULT;
  const name = options.connectionName ?? 'favorites';
  const log = options.log ?? silentLog;
  const publisher = new Redis(url, {
    lazyConnect: true,
    connectionName: `${name}:pub`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });
  const subscriber = new Redis(url, { lazyConnect: true, connectionName: `${name}:sub`, autoResubscribe: true });
  // Without a listener ioredis prints every connection error; these are logged once per kind here.
  publisher.on('error', (error: Error) => log.warn({ err: error }, 'redis publisher connection error'));
  subscriber.on('error', (error: Error) => log.warn({ err: error }, 'redis subscriber connection error'));

  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
    await subscriber.subscribe(channel);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw error;
  }

  const listeners = realtimeListeners(log);
  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    const event = decodeRealtimeEvent(message);
    if (!event) {
      log.warn({ channel }, 'dropped a message that is not a realtime event');
      return;
    }
    listeners.deliver(event);
  });

  let closed = false;
  return {
    async publish(event) {
      if (closed) throw new PubSubClosedError();
      await publisher.publish(channel, encodeRealtimeEvent(event));
    },
    subscribe: listeners.add,
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      subscriber.disconnect();
      // QUIT after whatever was already written; a publisher that is down has nothing to flush.
      await publisher.quit().catch(() => publisher.disconnect());
    },
  };
}
