/**
 * A test double of LocalStore for the engine's control flow only: an outbox array, a cursor and
 * a log of calls. It does not merge registers (the real Dexie store and the property tests do).
 */
import type { MutationResult, PullResponse } from '../../../src/contract';
import { createClock, recv, send } from '../../../src/core/hlc';
import type { LocalStore, OutboxEntry, RejectedWrite, SyncMeta } from '../../../src/sync/LocalStore';
import { rebaseOutboxEntries } from '../../../src/sync/rebaseOutboxEntries';

export const FAKE_CLIENT_ID = 'fakeclient01';
export const ARTICLE_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

export interface FakeLocalStore extends LocalStore {
  readonly outbox: OutboxEntry[];
  readonly acknowledged: number[];
  readonly pulls: PullResponse[];
  /** Queue `count` writes (note = "n<id>"). */
  queue(count: number): void;
  /** How many times the outbox was rebased onto a new client id. */
  rebases: number;
  /** Make every call fail, as a broken IndexedDB would. */
  failWith: Error | null;
}

export function fakeLocalStore(): FakeLocalStore {
  let clock = createClock(FAKE_CLIENT_ID);
  let nextMutationId = 1;
  let clientId = FAKE_CLIENT_ID;
  let cursor: string | null = null;
  const outbox: OutboxEntry[] = [];
  const store: FakeLocalStore = {
    outbox,
    acknowledged: [],
    pulls: [],
    failWith: null,
    rebases: 0,
    queue(count) {
      for (let i = 0; i < count; i += 1) {
        const stamped = send(clock, 1_000);
        clock = stamped.state;
        const id = nextMutationId++;
        outbox.push({ id, op: 'favorite.set.v1', args: { articleId: ARTICLE_ID, note: `n${id}` }, hlc: stamped.hlc, queuedAtMs: 1_000 });
      }
    },
    async writeFavorite() {
      throw new Error('not used by the engine');
    },
    async pending(limit) {
      check();
      return outbox.slice(0, limit);
    },
    async pendingCount() {
      check();
      return outbox.length;
    },
    async acknowledge(lastMutationId: number, results: readonly MutationResult[], serverHlc: string, nowMs: number) {
      check();
      store.acknowledged.push(lastMutationId);
      const rejected: RejectedWrite[] = [];
      for (const result of results) {
        const entry = outbox.find((e) => e.id === result.id);
        if (entry && result.status === 'rejected') rejected.push({ entry, reason: result.reason ?? 'unknown' });
      }
      while (outbox[0] && outbox[0].id <= lastMutationId) outbox.shift();
      clock = recv(clock, serverHlc, nowMs);
      return rejected;
    },
    async applyPull(response, _nowMs) {
      check();
      store.pulls.push(response);
      cursor = response.cursor;
    },
    async meta(): Promise<SyncMeta> {
      check();
      return { clientId, clock, nextMutationId, cursor };
    },
    async get() {
      return undefined;
    },
    async rebaseOutbox() {
      check();
      store.rebases += 1;
      clientId = `${FAKE_CLIENT_ID}r${store.rebases}`;
      clock = { ...clock, clientId };
      const rebased = rebaseOutboxEntries(outbox, clientId);
      outbox.splice(0, outbox.length, ...rebased);
      nextMutationId = rebased.length + 1;
      return clientId;
    },
  };
  function check() {
    if (store.failWith) throw store.failWith;
  }
  return store;
}
