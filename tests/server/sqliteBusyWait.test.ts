import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage';
import type { Storage } from '../../server/storage/types';
import { tempDatabaseFile } from './support/tempDir';

/**
 * Two storages on one file are two processes' connections (WORKERS): while one holds the write
 * lock, the other's transaction must wait without freezing its event loop.
 */
describe('SQLite transactions waiting for the write lock of another connection', () => {
  const opened: Storage[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((storage) => storage.close()));
  });

  it('wait asynchronously: the event loop keeps turning, and the second transaction runs after the first commits', async () => {
    const file = tempDatabaseFile();
    const first = await openSqliteStorage(file);
    opened.push(first);
    const second = await openSqliteStorage(file);
    opened.push(second);
    const order: string[] = [];

    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => {
      void first.transaction(async (tx) => {
        await tx.spaces.ensure('s:first');
        resolve();
        // Holds the write lock until released: another process busy on something else.
        await new Promise<void>((release) => (releaseFirst = release));
        order.push('first commits');
      });
    });
    await firstHolds;

    const secondDone = second.transaction(async (tx) => {
      order.push('second begins');
      await tx.spaces.bump('s:second');
    });
    // These turns of the event loop happen while the second transaction waits for the lock;
    // SQLite's own busy handler would have blocked them inside the synchronous BEGIN.
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setTimeout(resolve, 2));
    order.push('event loop turned');
    releaseFirst();
    await secondDone;

    expect(order).toEqual(['event loop turned', 'first commits', 'second begins']);
    expect(await second.spaces.version('s:second')).toBe(1);
  });
});
