/**
 * One simulated device: its own IndexedDB (a private fake-indexeddb factory, so devices share
 * nothing but the server), the real Dexie store, the real transport over the faulty network and
 * the real engine. Its wall clock is the server's plus a fixed skew. Retries are not timed: the
 * scenario's sync commands are the retries, so a run is a pure function of its seed.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createSyncStore, FavoritesDb } from '../../../src/db';
import type { LocalStore, OutboxEntry } from '../../../src/sync/LocalStore';
import { SyncEngine, type SyncTimer } from '../../../src/sync/SyncEngine';
import { createTransport } from '../../../src/sync/transport';
import type { FaultyNetwork } from './faultyNetwork';

export const SERVER_ORIGIN = 'http://server.test';

const untimed: SyncTimer = { setTimeout: () => null, clearTimeout: () => undefined };

export class SimulatedDevice {
  readonly db: FavoritesDb;
  readonly store: LocalStore;
  readonly engine: SyncEngine;
  /** Every write this device ever queued, as its outbox entry. */
  readonly queued: OutboxEntry[] = [];

  constructor(
    readonly index: number,
    readonly skewMs: number,
    userId: string,
    serverNow: () => number,
    readonly network: FaultyNetwork,
  ) {
    this.db = new FavoritesDb(userId, { indexedDB: new IDBFactory(), IDBKeyRange });
    this.store = createSyncStore(this.db);
    this.engine = new SyncEngine({
      userId,
      store: this.store,
      transport: createTransport({ baseUrl: SERVER_ORIGIN, fetch: network.fetchFor(index) }),
      now: () => serverNow() + skewMs,
      timer: untimed,
      random: () => 0.5,
      locks: null,
    });
  }

  /**
   * Ask for a sync and wait until the pass ends or one of its requests is held back by the
   * network (then the pass stays in flight while other devices go on: reordering).
   */
  async sync(): Promise<void> {
    if (this.network.isBlocked(this.index)) {
      void this.engine.requestSync(); // coalesces into the pass that waits on the network
      return;
    }
    await Promise.race([this.engine.requestSync(), this.network.nextHold(this.index)]);
  }

  /** After the held request was released: wait for the pass to end or to be held again. */
  async continueAfterRelease(release: () => Promise<void>): Promise<void> {
    const heldAgain = this.network.nextHold(this.index);
    await release();
    await Promise.race([this.engine.settled(), heldAgain]);
  }

  async resume(): Promise<void> {
    if (this.engine.getStatus().state !== 'paused') return;
    await Promise.race([this.engine.resume(), this.network.nextHold(this.index)]);
  }
}
