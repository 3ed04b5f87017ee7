import { describe, expect, it } from 'vitest';
import { askWorkerToFlush } from '../../../src/app/sync/askWorkerToFlush';
import { outboxPass } from '../../../src/app/sync/outboxPass';
import type { SyncOnceDeps, SyncOnceResult } from '../../../src/sync';
import { isFlushRequest, type FlushReply } from '../../../src/sw/flushProtocol';
import { fakeTransport } from '../sync/fakeTransport';
import { fakeLocalStore } from '../sync/fakeLocalStore';

const synced: SyncOnceResult = { ok: true, pushed: 2, rejected: [], pulled: 0 };

/** A controlling worker that answers each flush request on its port with `reply` (or never). */
function fakeWorker(reply: FlushReply | null) {
  const received: unknown[] = [];
  const worker = {
    postMessage(data: unknown, transfer: Transferable[]) {
      received.push(data);
      if (reply) (transfer[0] as MessagePort).postMessage(reply);
    },
  };
  return { worker: worker as unknown as ServiceWorker, received };
}

describe('the page asking its service worker to flush', () => {
  it("posts a flush request naming the user and resolves with the worker's pass result", async () => {
    const { worker, received } = fakeWorker({ type: 'flushed', result: synced });

    await expect(askWorkerToFlush(worker, 'user-1')).resolves.toEqual(synced);
    expect(received).toEqual([{ type: 'flush', userId: 'user-1' }]);
    expect(isFlushRequest(received[0])).toBe(true);
  });

  it("rejects with the worker's message when its database failed, so the engine reports a local error", async () => {
    const { worker } = fakeWorker({ type: 'flush-failed', message: 'QuotaExceededError' });

    await expect(askWorkerToFlush(worker, 'user-1')).rejects.toThrow('QuotaExceededError');
  });

  it('counts a worker that never answers as offline, so the engine retries later', async () => {
    const { worker } = fakeWorker(null);

    await expect(askWorkerToFlush(worker, 'user-1', 5)).resolves.toMatchObject({ ok: false, failure: { kind: 'offline' }, pushed: 0 });
  });
});

describe("who runs the page engine's pass", () => {
  const deps = (): SyncOnceDeps => ({ store: fakeLocalStore(), transport: fakeTransport(), now: () => 0 });

  it('is the worker when one controls the page: the page sends nothing itself', async () => {
    const { worker, received } = fakeWorker({ type: 'flushed', result: synced });
    const pageDeps = deps();

    const result = await outboxPass('user-1', { controller: () => worker, locks: null })(pageDeps);

    expect(result).toEqual(synced);
    expect(received).toHaveLength(1);
    expect((pageDeps.transport as ReturnType<typeof fakeTransport>).pulls).toEqual([]);
  });

  it("is the page itself, holding the user's lock, when no worker controls it", async () => {
    const names: string[] = [];
    const locks = { request: async (name: string, callback: () => Promise<void>) => (names.push(name), callback()) };
    const pageDeps = deps();

    const result = await outboxPass('user-1', { controller: () => null, locks })(pageDeps);

    expect(result.ok).toBe(true);
    expect(names).toEqual(['favorites-sync-user-1']);
    expect((pageDeps.transport as ReturnType<typeof fakeTransport>).pulls).toHaveLength(1);
  });
});
