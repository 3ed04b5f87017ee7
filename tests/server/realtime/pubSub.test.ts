/**
 * One suite for every pub/sub adapter (style.md: the same tests on every adapter), plus what
 * only Redis can do: reach another connection, and survive a reconnect of its subscriber.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryPubSub } from '../../../server/realtime/memoryPubSub';
import { PubSubClosedError, type PubSub } from '../../../server/realtime/pubSub';
import type { RealtimeEvent } from '../../../server/realtime/realtimeEvent';
import { openRedisPubSub } from '../../../server/realtime/redisPubSub';
import { probeRedis, redisUrl } from '../../support/services';
import { WAIT_MS } from './support/testSocket';

const redis = await probeRedis();
const opened: PubSub[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((pubSub) => pubSub.close()));
});

interface Adapter {
  readonly name: string;
  readonly available: boolean;
  /** Two instances of one deployment (the same broker and channel). */
  pair(): Promise<[PubSub, PubSub]>;
}

const uniqueChannel = () => `favorites:test:${randomUUID()}`;

const adapters: Adapter[] = [
  {
    name: 'in-process',
    available: true,
    async pair() {
      const pubSub = memoryPubSub();
      opened.push(pubSub);
      return [pubSub, pubSub];
    },
  },
  {
    name: 'Redis',
    available: redis.available,
    async pair() {
      const channel = uniqueChannel();
      const pair = [await openRedisPubSub(redisUrl(), { channel }), await openRedisPubSub(redisUrl(), { channel })] as [PubSub, PubSub];
      opened.push(...pair);
      return pair;
    },
  },
];

/** Resolves with the first `count` events the listener gets (fails after WAIT_MS). */
function receive(pubSub: PubSub, count: number): Promise<RealtimeEvent[]> {
  return new Promise((resolve, reject) => {
    const events: RealtimeEvent[] = [];
    const timer = setTimeout(() => reject(new Error(`got ${JSON.stringify(events)}, wanted ${count} events`)), WAIT_MS);
    const unsubscribe = pubSub.subscribe((event) => {
      events.push(event);
      if (events.length < count) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(events);
    });
  });
}

const poke = (version: number): RealtimeEvent => ({ type: 'poke', space: 'u:someone', version });

describe.each(adapters)('pub/sub: $name', (adapter) => {
  it.skipIf(!adapter.available)('delivers every event, in order, to every subscriber of every instance, the publisher included', async () => {
    const [one, two] = await adapter.pair();
    const atOne = receive(one, 3);
    const atTwo = receive(two, 3);
    const ended: RealtimeEvent = { type: 'session_ended', tokenHash: 'f'.repeat(64) };
    await one.publish(poke(1));
    await two.publish(poke(2));
    await one.publish(ended);
    expect(await atOne).toEqual([poke(1), poke(2), ended]);
    expect(await atTwo).toEqual([poke(1), poke(2), ended]);
  });

  it.skipIf(!adapter.available)('stops calling a listener once it unsubscribed', async () => {
    const [one, two] = await adapter.pair();
    const calls: RealtimeEvent[] = [];
    const unsubscribe = two.subscribe((event) => calls.push(event));
    unsubscribe();
    const delivered = receive(two, 1);
    await one.publish(poke(1));
    await delivered;
    expect(calls).toEqual([]);
  });

  it.skipIf(!adapter.available)('rejects a publish after close', async () => {
    const [one] = await adapter.pair();
    await one.close();
    await expect(one.publish(poke(1))).rejects.toBeInstanceOf(PubSubClosedError);
  });
});

describe.skipIf(!redis.available)('pub/sub: Redis only', () => {
  it('keeps its subscription across a reconnect of the subscriber connection', async () => {
    const channel = uniqueChannel();
    const connectionName = `favorites-test-${randomUUID().slice(0, 8)}`;
    const subscriber = await openRedisPubSub(redisUrl(), { channel, connectionName });
    const publisher = await openRedisPubSub(redisUrl(), { channel });
    opened.push(subscriber, publisher);
    const admin = new Redis(redisUrl());
    try {
      // Kill the subscriber's connection server-side, as a Redis restart or a network cut would.
      const clients = await admin.client('LIST');
      const id = new RegExp(`^id=(\\d+) .*name=${connectionName}:sub `, 'm').exec(String(clients))?.[1];
      expect(id).toBeDefined();
      await admin.client('KILL', 'ID', id!);
      // ioredis reconnects and resubscribes; wait until Redis counts the subscriber again.
      await expect
        .poll(async () => ((await admin.pubsub('NUMSUB', channel)) as [string, number])[1], { timeout: WAIT_MS, interval: 20 })
        .toBe(2);
      const delivered = receive(subscriber, 1);
      await publisher.publish(poke(9));
      expect(await delivered).toEqual([poke(9)]);
    } finally {
      admin.disconnect();
    }
  });

  it('drops a message on the channel that is not an event', async () => {
    const channel = uniqueChannel();
    const subscriber = await openRedisPubSub(redisUrl(), { channel });
    opened.push(subscriber);
    const admin = new Redis(redisUrl());
    try {
      const delivered = receive(subscriber, 1);
      await admin.publish(channel, '{"type":"poke","space":"not a space","version":1}');
      await admin.publish(channel, JSON.stringify(poke(3)));
      expect(await delivered).toEqual([poke(3)]);
    } finally {
      admin.disconnect();
    }
  });

  it('fails to open when Redis does not answer', async () => {
    await expect(openRedisPubSub('redis://127.0.0.1:1')).rejects.toThrow();
  });
});
