/**
 * The IPC pub/sub without processes: workers' channels wired to the primary's relay function in
 * memory, each message copied as the IPC channel would (JSON), delivered after the sender's
 * current work.
 */
import { describe, expect, it } from 'vitest';
import {
  IpcDisconnectedError,
  ipcPubSub,
  processChannel,
  relayRealtimeMessage,
  type IpcChannel,
  type RelayTarget,
} from '../../../server/realtime/ipcPubSub';
import { PubSubClosedError, type PubSub } from '../../../server/realtime/pubSub';
import type { RealtimeEvent } from '../../../server/realtime/realtimeEvent';

const poke = (version: number): RealtimeEvent => ({ type: 'poke', space: 'u:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', version });
const copy = (message: unknown): unknown => JSON.parse(JSON.stringify(message));
/** Lets queued deliveries run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

interface FakeWorker extends RelayTarget {
  connected: boolean;
  readonly sent: unknown[];
  readonly channel: IpcChannel;
  /** What the primary received from this worker, before the relay. */
  deliver(message: unknown): void;
}

/** `count` workers whose publishes the primary relays with relayRealtimeMessage. */
function fakeCluster(count: number): FakeWorker[] {
  const workers: FakeWorker[] = [];
  for (let i = 0; i < count; i++) {
    const listeners = new Set<(message: unknown) => void>();
    const worker: FakeWorker = {
      connected: true,
      sent: [],
      isConnected: () => worker.connected,
      send(message) {
        worker.sent.push(message);
        setImmediate(() => listeners.forEach((listener) => listener(copy(message))));
        return true;
      },
      deliver: (message) => setImmediate(() => listeners.forEach((listener) => listener(copy(message)))),
      channel: {
        async send(message) {
          relayRealtimeMessage(copy(message), workers);
        },
        onMessage(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
    };
    workers.push(worker);
  }
  return workers;
}

function heard(pubSub: PubSub): RealtimeEvent[] {
  const events: RealtimeEvent[] = [];
  pubSub.subscribe((event) => events.push(event));
  return events;
}

describe('pub/sub between workers over IPC', () => {
  it("delivers a worker's publish to every worker, the publisher included", async () => {
    const [one, two] = fakeCluster(2).map((worker) => ipcPubSub(worker.channel));
    const [onOne, onTwo] = [heard(one!), heard(two!)];
    await one!.publish(poke(1));
    await two!.publish({ type: 'session_ended', tokenHash: 'a'.repeat(64) });
    await settled();
    expect(onOne).toEqual([poke(1), { type: 'session_ended', tokenHash: 'a'.repeat(64) }]);
    expect(onTwo).toEqual(onOne);
  });

  it('relays only its own messages, and only to workers still connected', () => {
    const workers = fakeCluster(3);
    workers[2]!.connected = false;
    expect(relayRealtimeMessage({ type: 'prom-client:getMetricsReq', requestId: 1 }, workers)).toBe(false);
    expect(relayRealtimeMessage('hello', workers)).toBe(false);
    expect(workers.flatMap((worker) => worker.sent)).toEqual([]);

    expect(relayRealtimeMessage({ favoritesRealtime: poke(3) }, [...workers, undefined])).toBe(true);
    expect(workers.map((worker) => worker.sent.length)).toEqual([1, 1, 0]);
  });

  it('ignores other IPC traffic and drops a malformed event with a warning', async () => {
    const [worker] = fakeCluster(1);
    const warnings: string[] = [];
    const pubSub = ipcPubSub(worker!.channel, { warn: (_details, message) => warnings.push(message) });
    const events = heard(pubSub);
    worker!.deliver({ type: 'prom-client:getMetricsReq', requestId: 1 });
    worker!.deliver({ favoritesRealtime: { type: 'poke', space: 'nope', version: -1 } });
    await settled();
    expect(events).toEqual([]);
    expect(warnings).toEqual(['dropped an IPC message that is not a realtime event']);
  });

  it('keeps delivering to the other listeners when one throws', async () => {
    const [worker] = fakeCluster(1);
    const pubSub = ipcPubSub(worker!.channel);
    pubSub.subscribe(() => {
      throw new Error('listener bug');
    });
    const events = heard(pubSub);
    await pubSub.publish(poke(1));
    await settled();
    expect(events).toEqual([poke(1)]);
  });

  it('stops delivering and refuses to publish once closed', async () => {
    const [a, b] = fakeCluster(2).map((worker) => ipcPubSub(worker.channel));
    const onB = heard(b!);
    await b!.close();
    await a!.publish(poke(1));
    await settled();
    expect(onB).toEqual([]);
    await expect(b!.publish(poke(2))).rejects.toBeInstanceOf(PubSubClosedError);
  });

  it('rejects a publish when the process has lost its channel to the primary', async () => {
    const detached = { connected: false, send: () => true, on: () => detached, off: () => detached } as unknown as NodeJS.Process;
    await expect(ipcPubSub(processChannel(detached)).publish(poke(1))).rejects.toBeInstanceOf(IpcDisconnectedError);
  });
});
