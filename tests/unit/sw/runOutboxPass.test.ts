import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { savePatch } from '../../../src/core/favoriteRecord';
import { createSyncStore, FavoritesDb } from '../../../src/db';
import type { SyncLocks } from '../../../src/sync';
import { dbNameForUser } from '../../../src/db/FavoritesDb';
import { deliverOutbox, runOutboxPass, type OutboxPassDeps } from '../../../src/sw/runOutboxPass';
import { workerDatabases } from '../../../src/sw/workerDatabases';
import { summary } from '../db/fixtures';
import { fakeTransport, type FakeTransport } from '../sync/fakeTransport';

/**
 * Web Locks: one holder at a time, in request order, all waiting for `release()` while `held`;
 * they record every name asked for.
 */
function fakeLocks() {
  let gate: Promise<void> | null = null;
  let holder: Promise<unknown> = Promise.resolve();
  const names: string[] = [];
  const locks: SyncLocks & { names: string[]; hold(): () => void } = {
    names,
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return release;
    },
    async request(name, callback) {
      names.push(name);
      const previous = holder;
      const turn = (async () => {
        await previous.catch(() => undefined);
        if (gate) await gate;
        return callback();
      })();
      holder = turn;
      return turn;
    },
  };
  return locks;
}

/** One user's device: its own in-memory IndexedDB; the worker's connections kept as the worker keeps them. */
function device(userId = `user-${crypto.randomUUID()}`) {
  const indexedDB = new IDBFactory();
  const opened: FavoritesDb[] = [];
  const open = (id: string) => {
    const db = new FavoritesDb(id, { indexedDB, IDBKeyRange });
    opened.push(db);
    return db;
  };
  const transport: FakeTransport = fakeTransport();
  const locks = fakeLocks();
  const deps: OutboxPassDeps = { locks, transport, database: workerDatabases(open), now: () => Date.UTC(2024, 5, 1) };
  /** A page's own connection, as the app holds it (not the worker's). */
  const withPageDb = async <T>(task: (db: FavoritesDb) => Promise<T>) => {
    const db = new FavoritesDb(userId, { indexedDB, IDBKeyRange });
    try {
      return await task(db);
    } finally {
      db.close();
    }
  };
  const write = (slug: string) =>
    withPageDb((db) => createSyncStore(db).writeFavorite(summary(slug), (view) => savePatch(view, {}), Date.UTC(2024, 5, 1)));
  const pendingCount = () => withPageDb((db) => db.outbox.count());
  return { userId, indexedDB, deps, transport, locks, opened, write, pendingCount };
}

describe("the service worker's outbox pass", () => {
  it("pushes the user's queued writes and pulls, holding that user's lock", async () => {
    const { userId, deps, transport, locks, write, pendingCount } = device();
    await write('first');
    await write('second');

    const result = await runOutboxPass(userId, deps);

    expect(result).toMatchObject({ ok: true, pushed: 2 });
    expect(transport.pushes.map((push) => push.mutations.map((m) => m.id))).toEqual([[1, 2]]);
    expect(transport.pulls).toHaveLength(1);
    expect(locks.names).toEqual([`favorites-sync-${userId}`]);
    expect(await pendingCount()).toBe(0);
  });

  it("keeps its connection for the next pass, yet gives it up at once when a page upgrades the database, and reopens after", async () => {
    const { userId, indexedDB, deps, opened, write } = device();
    await write('first');
    await runOutboxPass(userId, deps);
    await runOutboxPass(userId, deps);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.isOpen()).toBe(true);

    // A newer app opens the database at a higher version: it must not be blocked by the worker.
    const upgraded = await new Promise<{ blocked: boolean }>((resolve, reject) => {
      let blocked = false;
      const request = indexedDB.open(dbNameForUser(userId), opened[0]!.verno * 10 + 1);
      request.onblocked = () => (blocked = true);
      request.onsuccess = () => {
        request.result.close();
        resolve({ blocked });
      };
      request.onerror = () => reject(request.error);
    });
    expect(upgraded.blocked).toBe(false);
    expect(opened[0]!.isOpen()).toBe(false);

    expect(deps.database(userId)).not.toBe(opened[0]);
  });

  it('shares one pass between requests made while it still waits for the lock', async () => {
    const { userId, deps, transport, locks, write } = device();
    await write('first');
    const release = locks.hold();

    const fromPage = runOutboxPass(userId, deps);
    const fromSyncEvent = runOutboxPass(userId, deps);
    release();

    expect(fromSyncEvent).toBe(fromPage);
    await fromPage;
    expect(transport.pushes).toHaveLength(1);
    expect(transport.pulls).toHaveLength(1);
  });

  it('gives a request made while a pass runs a pass of its own, so a write made meanwhile is pushed', async () => {
    const { userId, deps, transport, write, pendingCount } = device();
    await write('first');
    const releasePush = transport.hold();

    const running = runOutboxPass(userId, deps);
    await expect.poll(() => transport.pushes.length).toBe(1);
    await write('second');
    const next = runOutboxPass(userId, deps);
    releasePush();

    expect(next).not.toBe(running);
    await Promise.all([running, next]);
    expect(transport.pushes.map((push) => push.mutations.map((m) => m.id))).toEqual([[1], [2]]);
    expect(await pendingCount()).toBe(0);
  });

  it('keeps every write queued when the network is down, and reports the failure for a retry', async () => {
    const { userId, deps, transport, write, pendingCount } = device();
    await write('first');
    transport.pushAnswers.push({ ok: false, failure: { kind: 'offline', message: 'Failed to fetch' } });

    const result = await runOutboxPass(userId, deps);

    expect(result).toMatchObject({ ok: false, failure: { kind: 'offline' }, pushed: 0 });
    expect(await pendingCount()).toBe(1);
  });
});

describe("the Background Sync event's delivery", () => {
  it('pushes the queued writes (and pulls) like a pass', async () => {
    const { userId, deps, transport, pendingCount, write } = device();
    await write('first');

    const result = await deliverOutbox(userId, deps);

    expect(result).toMatchObject({ ok: true, pushed: 1 });
    expect(transport.pushes).toHaveLength(1);
    expect(await pendingCount()).toBe(0);
  });

  it('makes no request when the outbox is empty', async () => {
    const { userId, deps, transport } = device();

    expect(await deliverOutbox(userId, deps)).toBeNull();

    expect(transport.pushes).toHaveLength(0);
    expect(transport.pulls).toHaveLength(0);
  });

  it("makes no request when the page's running pass delivered the writes first", async () => {
    const { userId, deps, transport, write } = device();
    await write('first');
    const releasePush = transport.hold();

    const fromPage = runOutboxPass(userId, deps);
    await expect.poll(() => transport.pushes.length).toBe(1);
    const fromSyncEvent = deliverOutbox(userId, deps);
    releasePush();

    expect(await fromPage).toMatchObject({ ok: true, pushed: 1 });
    expect(await fromSyncEvent).toBeNull();
    expect(transport.pushes).toHaveLength(1);
    expect(transport.pulls).toHaveLength(1);
  });

  it("joins a page's pass still waiting for the lock, but a page's request never joins a delivery", async () => {
    const { userId, deps, transport, locks, write } = device();
    await write('first');
    let release = locks.hold();
    const fromPage = runOutboxPass(userId, deps);
    expect(deliverOutbox(userId, deps)).toBe(fromPage);
    release();
    await fromPage;

    await write('second');
    release = locks.hold();
    const delivery = deliverOutbox(userId, deps);
    const nextFromPage = runOutboxPass(userId, deps);
    release();

    expect(await delivery).toMatchObject({ ok: true, pushed: 1 });
    // The page still gets its full pass, with a pull, after the delivery.
    expect(await nextFromPage).toMatchObject({ ok: true, pushed: 0 });
    expect(transport.pulls).toHaveLength(3);
  });
});
