import { afterEach, describe, expect, it } from 'vitest';
import { createSyncStore, syncFavoritesRepo, type FavoritesDb } from '../../../src/db';
import { isolatedDb, summary } from './fixtures';
import { remoteHlc } from './syncFixtures';

let db: FavoritesDb;
afterEach(async () => {
  await db.delete();
});

const T0_MS = Date.parse('2024-06-01T09:00:00.000Z');

describe('acknowledging a push the server applied in full', () => {
  it('drops every entry up to the acknowledged id, keeps the later ones and every write in the view', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    for (const slug of ['a', 'b', 'c', 'd']) await store.writeFavorite(summary(slug), { saved: true }, T0_MS);

    const rejected = await store.acknowledge(
      3,
      [1, 2, 3].map((id) => ({ id, status: 'applied' as const })),
      remoteHlc(T0_MS + 60_000, 'server'),
      T0_MS + 20,
    );

    expect(rejected).toEqual([]);
    expect((await store.pending(10)).map((entry) => entry.id)).toEqual([4]);
    expect(await syncFavoritesRepo(db).count()).toBe(4);
    expect((await store.meta()).clock.wallMs).toBe(T0_MS + 60_000);
  });

  it('drops the entries of a replayed answer that lists no results', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    for (const slug of ['a', 'b']) await store.writeFavorite(summary(slug), { saved: true }, T0_MS);

    await store.acknowledge(2, [], remoteHlc(T0_MS, 'server'), T0_MS + 20);

    expect(await store.pendingCount()).toBe(0);
    expect(await syncFavoritesRepo(db).count()).toBe(2);
  });
});
