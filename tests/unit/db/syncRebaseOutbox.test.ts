import { afterEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../../../src/core/hlc';
import { createSyncStore, type FavoritesDb } from '../../../src/db';
import { isolatedDb, summary } from './fixtures';

let db: FavoritesDb;
afterEach(async () => {
  await db.delete();
});

const T0_MS = Date.parse('2024-06-01T09:00:00.000Z');

describe('moving the outbox to a new client id (after a push gap)', () => {
  it('renumbers the queued writes from 1, re-stamps their HLCs with the new id, and new writes follow them', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const before = await store.meta();
    const first = await store.writeFavorite(summary('a'), { saved: true }, T0_MS);
    const second = await store.writeFavorite(summary('b'), { saved: true, note: 'keep' }, T0_MS + 5);
    const third = await store.writeFavorite(summary('c'), { saved: true }, T0_MS + 9);
    // The server acknowledged the first one, then lost it (restored from a backup).
    await store.acknowledge(1, [{ id: 1, status: 'applied' }], first.entry.hlc, T0_MS + 10);

    const clientId = await store.rebaseOutbox();

    expect(clientId).not.toBe(before.clientId);
    const pending = await store.pending(10);
    expect(pending.map((entry) => [entry.id, entry.args])).toEqual([
      [1, second.entry.args],
      [2, third.entry.args],
    ]);
    // Same wall time and counter: the writes keep their order among every device's writes.
    expect(pending.map((entry) => parseHlc(entry.hlc))).toEqual([
      { ...parseHlc(second.entry.hlc), clientId },
      { ...parseHlc(third.entry.hlc), clientId },
    ]);
    const meta = await store.meta();
    expect(meta).toMatchObject({ clientId, nextMutationId: 3, clock: { clientId } });

    const next = await store.writeFavorite(summary('d'), { saved: true }, T0_MS + 20);
    expect(next.entry.id).toBe(3);
    expect(parseHlc(next.entry.hlc).clientId).toBe(clientId);
  });

  it('with nothing queued, only the client id changes and ids start again at 1', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const clientId = await store.rebaseOutbox();
    expect(await store.pendingCount()).toBe(0);
    expect(await store.meta()).toMatchObject({ clientId, nextMutationId: 1 });
  });
});
