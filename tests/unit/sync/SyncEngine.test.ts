import { describe, expect, it } from 'vitest';
import { RETRY_BASE_MS, RETRY_MAX_MS } from '../../../src/sync/retryDelayMs';
import { SyncEngine, type SyncLocks, type SyncTimer } from '../../../src/sync/SyncEngine';
import type { SyncStatus } from '../../../src/sync/SyncStatus';
import { fakeLocalStore } from './fakeLocalStore';
import { failure, fakeTransport, SERVER_HLC } from './fakeTransport';

const OFFLINE = failure({ kind: 'offline', message: 'Failed to fetch' });
const UNAUTHENTICATED = failure({ kind: 'unauthenticated', message: 'sign in' });

/** A timer the test fires by hand: retries happen when the test says, never after a sleep. */
function manualTimer() {
  const scheduled: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const timer: SyncTimer = {
    setTimeout(callback, ms) {
      const handle = { callback, ms, cleared: false };
      scheduled.push(handle);
      return handle;
    },
    clearTimeout(handle) {
      (handle as { cleared: boolean }).cleared = true;
    },
  };
  const live = () => scheduled.filter((t) => !t.cleared);
  return {
    timer,
    scheduled,
    live,
    /** Fire the one live timer; resolves when the pass it started has finished. */
    async fire(engine: SyncEngine) {
      const [next] = live();
      if (!next) throw new Error('no retry scheduled');
      next.cleared = true;
      next.callback();
      await engine.settled();
    },
  };
}

/** Lets pending promise callbacks run until `condition` holds (no timers, no sleeping). */
async function until(condition: () => boolean) {
  for (let i = 0; i < 1_000 && !condition(); i += 1) await Promise.resolve();
  if (!condition()) throw new Error('condition never held');
}

function setup(options: { random?: () => number; locks?: SyncLocks | null } = {}) {
  const store = fakeLocalStore();
  const transport = fakeTransport();
  const clock = manualTimer();
  const engine = new SyncEngine({
    userId: 'user1',
    store,
    transport,
    now: () => 10_000,
    timer: clock.timer,
    random: options.random ?? (() => 0.5),
    locks: options.locks ?? null,
  });
  const states: SyncStatus['state'][] = [];
  engine.subscribe((status) => states.push(status.state));
  return { store, transport, clock, engine, states };
}

describe('SyncEngine', () => {
  it('pushes the outbox, pulls, and reports synced with nothing pending', async () => {
    const { store, transport, engine, states } = setup();
    store.queue(3);

    await engine.requestSync();

    expect(transport.pushes).toHaveLength(1);
    expect(transport.pulls).toHaveLength(1);
    expect(engine.getStatus()).toEqual({ state: 'synced', pending: 0, rejected: [] });
    expect(states).toEqual(['syncing', 'synced']);
  });

  it('runs one pass at a time: requests during a pass coalesce into a single follow-up pass', async () => {
    const { store, transport, engine } = setup();
    store.queue(1);
    const release = transport.hold();

    const first = engine.requestSync();
    await until(() => transport.pushes.length === 1);
    store.queue(1);
    const coalesced = [engine.requestSync(), engine.requestSync(), engine.requestSync()];
    expect(engine.getStatus().state).toBe('syncing');
    release();
    await Promise.all([first, ...coalesced]);

    // Pass 1 pushed entry 1 and pulled; the one follow-up pushed entry 2 and pulled.
    expect(transport.pushes.map((p) => p.mutations.map((m) => m.id))).toEqual([[1], [2]]);
    expect(transport.pulls).toHaveLength(2);
    expect(engine.getStatus()).toMatchObject({ state: 'synced', pending: 0 });
  });

  it('retries transient failures with exponential backoff and full jitter, capped at RETRY_MAX_MS', async () => {
    const { store, transport, clock, engine } = setup({ random: () => 0.5 });
    store.queue(1);
    const attempts = 12;
    transport.pushAnswers.push(...Array.from({ length: attempts }, () => OFFLINE));

    await engine.requestSync();
    for (let i = 1; i < attempts; i += 1) await clock.fire(engine);

    const delays = clock.scheduled.map((t) => t.ms);
    const expected = Array.from({ length: attempts }, (_, n) => Math.floor(0.5 * Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** n)));
    expect(delays).toEqual(expected);
    expect(Math.max(...delays)).toBe(RETRY_MAX_MS / 2);
    expect(engine.getStatus()).toMatchObject({ state: 'offline', pending: 1, lastError: { kind: 'offline' } });
  });

  it('draws each retry delay uniformly below the cap (full jitter)', async () => {
    const draws = [0, 0.999];
    const { store, transport, clock, engine } = setup({ random: () => draws.shift() ?? 0 });
    store.queue(1);
    transport.pushAnswers.push(OFFLINE, OFFLINE);

    await engine.requestSync();
    await clock.fire(engine);

    expect(clock.scheduled.map((t) => t.ms)).toEqual([0, Math.floor(0.999 * RETRY_BASE_MS * 2)]);
  });

  it('starts the backoff over after a successful pass', async () => {
    const { store, transport, clock, engine } = setup({ random: () => 0.5 });
    store.queue(1);
    transport.pushAnswers.push(OFFLINE, OFFLINE);
    await engine.requestSync();
    await clock.fire(engine);
    await clock.fire(engine); // succeeds
    expect(engine.getStatus().state).toBe('synced');

    store.queue(1);
    transport.pushAnswers.push(OFFLINE);
    await engine.requestSync();

    expect(clock.scheduled.map((t) => t.ms)).toEqual([RETRY_BASE_MS / 2, RETRY_BASE_MS, RETRY_BASE_MS / 2]);
  });

  it('starts the backoff over when the network returns, so a first pass that still fails retries within a second', async () => {
    const { store, transport, clock, engine } = setup({ random: () => 0.5 });
    store.queue(1);
    transport.pushAnswers.push(OFFLINE, OFFLINE, OFFLINE, OFFLINE, OFFLINE);
    await engine.requestSync();
    await clock.fire(engine);
    await clock.fire(engine);
    expect(clock.live()[0]?.ms).toBe(2 * RETRY_BASE_MS);

    // `online` fired, but the route is not up yet: this pass fails too.
    await engine.networkReturned();

    expect(clock.live().map((t) => t.ms)).toEqual([RETRY_BASE_MS / 2]);
    await clock.fire(engine);
    expect(clock.live().map((t) => t.ms)).toEqual([RETRY_BASE_MS]);
  });

  it('a new request runs at once and replaces the scheduled retry', async () => {
    const { store, transport, clock, engine } = setup();
    store.queue(1);
    transport.pushAnswers.push(OFFLINE);
    await engine.requestSync();
    expect(clock.live()).toHaveLength(1);

    await engine.requestSync();

    expect(clock.live()).toHaveLength(0);
    expect(engine.getStatus().state).toBe('synced');
  });

  it('leaves requests made during a failing pass to the scheduled retry instead of retrying at once', async () => {
    const { store, transport, clock, engine } = setup();
    store.queue(1);
    transport.pushAnswers.push(OFFLINE);
    const release = transport.hold();

    const first = engine.requestSync();
    await until(() => transport.pushes.length === 1);
    const duringPass = engine.requestSync();
    release();
    await Promise.all([first, duringPass]);

    expect(transport.pushes).toHaveLength(1);
    expect(clock.live()).toHaveLength(1);
    expect(engine.getStatus().state).toBe('offline');
  });

  it('stops telling a listener once it unsubscribed', async () => {
    const { engine } = setup();
    const seen: string[] = [];
    const unsubscribe = engine.subscribe((status) => seen.push(status.state));

    await engine.requestSync();
    unsubscribe();
    await engine.requestSync();

    expect(seen).toEqual(['syncing', 'synced']);
  });

  it('never acknowledges a bad response: the outbox stays whole and a retry is scheduled', async () => {
    const { store, transport, clock, engine } = setup();
    store.queue(2);
    transport.pushAnswers.push(failure({ kind: 'bad_response', status: 200, message: 'expected JSON, got text/html' }));

    await engine.requestSync();

    expect(store.acknowledged).toEqual([]);
    expect(store.outbox.map((e) => e.id)).toEqual([1, 2]);
    expect(engine.getStatus()).toMatchObject({ state: 'error', pending: 2, lastError: { kind: 'bad_response' } });
    expect(clock.live()).toHaveLength(1);
  });

  it('pauses on 401, keeps every write queued, and pushes them all after resume', async () => {
    const { store, transport, clock, engine } = setup();
    store.queue(2);
    transport.pushAnswers.push(UNAUTHENTICATED);

    await engine.requestSync();
    expect(engine.getStatus()).toMatchObject({ state: 'paused', pending: 2, lastError: { kind: 'unauthenticated' } });
    expect(clock.live()).toHaveLength(0);

    store.queue(1);
    await engine.requestSync();
    expect(transport.pushes).toHaveLength(1);
    expect(engine.getStatus()).toMatchObject({ state: 'paused', pending: 3 });

    await engine.resume();
    expect(transport.pushes.at(-1)?.mutations.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(engine.getStatus()).toEqual({ state: 'synced', pending: 0, rejected: [] });
  });

  it('stops for good when the server asks for an upgrade', async () => {
    const { store, transport, clock, engine } = setup();
    store.queue(1);
    transport.pushAnswers.push(failure({ kind: 'upgrade', message: 'update the app' }));

    await engine.requestSync();
    await engine.requestSync();

    expect(transport.pushes).toHaveLength(1);
    expect(clock.live()).toHaveLength(0);
    expect(engine.getStatus()).toMatchObject({ state: 'error', lastError: { kind: 'upgrade' } });
  });

  it('after a gap (the server lost acknowledged mutations), moves the queue to a new client id and pushes it at once', async () => {
    const { store, transport, clock, engine } = setup();
    store.queue(2);
    store.outbox.shift(); // mutation 1 was acknowledged; the restored server never had it
    transport.pushAnswers.push(failure({ kind: 'gap', lastMutationId: 0, message: 'missing' }));

    await engine.requestSync();

    expect(store.rebases).toBe(1);
    const [gapped, rebased] = transport.pushes;
    expect(gapped?.mutations.map((m) => m.id)).toEqual([2]);
    expect(rebased?.clientId).not.toBe(gapped?.clientId);
    expect(rebased?.mutations.map((m) => [m.id, m.hlc.endsWith(`-${rebased.clientId}`)])).toEqual([[1, true]]);
    expect(engine.getStatus()).toEqual({ state: 'synced', pending: 0, rejected: [] });
    expect(clock.live()).toHaveLength(0);
  });

  it('shows a second gap in a row as an error without retrying in a loop', async () => {
    const { store, transport, clock, engine } = setup();
    store.queue(1);
    const gap = failure({ kind: 'gap', lastMutationId: 0, message: 'missing' });
    transport.pushAnswers.push(gap, gap);

    await engine.requestSync();

    expect(store.rebases).toBe(1);
    expect(transport.pushes).toHaveLength(2);
    expect(engine.getStatus()).toMatchObject({ state: 'error', lastError: { kind: 'gap', lastMutationId: 0 } });
    expect(clock.live()).toHaveLength(0);
  });

  it('reports a failing local database as a local error', async () => {
    const { store, engine } = setup();
    store.failWith = new Error('QuotaExceededError');

    await engine.requestSync();

    expect(engine.getStatus()).toMatchObject({ state: 'error', lastError: { kind: 'local', message: 'QuotaExceededError' } });
  });

  it('collects rejected writes for the UI until dismissed', async () => {
    const { store, transport, engine } = setup();
    store.queue(1);
    transport.pushAnswers.push({
      ok: true,
      value: { lastMutationId: 1, results: [{ id: 1, status: 'rejected', reason: 'unknown_article' }], serverHlc: SERVER_HLC },
    });

    await engine.requestSync();
    expect(engine.getStatus().rejected).toEqual([{ entry: expect.objectContaining({ id: 1 }), reason: 'unknown_article' }]);

    engine.dismissRejected();
    expect(engine.getStatus().rejected).toEqual([]);
  });

  it('runs every pass inside the Web Lock named after the user', async () => {
    const held: string[] = [];
    let inside = false;
    const locks: SyncLocks = {
      async request(name, callback) {
        held.push(name);
        inside = true;
        try {
          return await callback();
        } finally {
          inside = false;
        }
      },
    };
    const { store, transport, engine } = setup({ locks });
    store.queue(1);
    let pushedInsideLock = false;
    transport.pushAnswers.push((request) => {
      pushedInsideLock = inside;
      const results = [{ id: request.mutations[0]!.id, status: 'applied' as const }];
      return { ok: true, value: { lastMutationId: 1, results, serverHlc: SERVER_HLC } };
    });

    await engine.requestSync();

    expect(held).toEqual(['favorites-sync-user1']);
    expect(pushedInsideLock).toBe(true);
  });
});
