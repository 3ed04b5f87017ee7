import { afterEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../../../src/core/hlc';
import { createSyncStore, syncFavoritesRepo, type FavoritesDb } from '../../../src/db';
import { isolatedDb, summary } from './fixtures';
import { change, pullPage, remoteHlc } from './syncFixtures';

let db: FavoritesDb;
afterEach(async () => {
  await db.delete();
});

const T0_MS = Date.parse('2024-06-01T09:00:00.000Z');
const SERVER_HLC = remoteHlc(T0_MS + 10, 'server');

describe('acknowledging a push', () => {
  it('drops the entries the server processed and keeps the later ones', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    for (const slug of ['a', 'b', 'c']) await store.writeFavorite(summary(slug), { saved: true }, T0_MS);

    const rejected = await store.acknowledge(
      2,
      [
        { id: 1, status: 'applied' },
        { id: 2, status: 'noop' },
      ],
      SERVER_HLC,
      T0_MS + 20,
    );

    expect(rejected).toEqual([]);
    expect((await store.pending(10)).map((e) => e.id)).toEqual([3]);
    // Applied writes stay visible until a pull confirms them; a no-op changed nothing on the
    // server, so the view shows the server's state for it (here: none yet) until that pull.
    expect(await syncFavoritesRepo(db).count()).toBe(2);
  });

  it('rolls a refused save back while the note written after it stays pending', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const article = summary('refused');
    const save = (await store.writeFavorite(article, { saved: true }, T0_MS)).entry;
    await store.writeFavorite(article, { note: 'mine' }, T0_MS + 1);

    const rejected = await store.acknowledge(1, [{ id: 1, status: 'rejected', reason: 'unknown_article' }], SERVER_HLC, T0_MS + 20);

    expect(rejected).toEqual([{ entry: save, reason: 'unknown_article', title: 'Title of refused' }]);
    const view = (await store.get(article.id))?.view;
    expect(view?.saved.value).toBe(false);
    expect(view?.note.value).toBe('mine');
    expect(await syncFavoritesRepo(db).get(article.id)).toBeUndefined();
    expect((await store.pending(10)).map((e) => e.id)).toEqual([2]);
  });

  it('drops a no-op write from the view: a clamped write that lost would otherwise stay forever', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const article = summary('clamped');
    await store.applyPull(pullPage([change('clamped', remoteHlc(T0_MS), { note: { value: 'theirs', hlc: remoteHlc(T0_MS) } })]), T0_MS);
    // This device's clock runs 5 minutes ahead: locally its note beats theirs.
    const ahead = T0_MS + 5 * 60_000;
    await store.writeFavorite(article, { note: 'mine' }, ahead);
    expect((await syncFavoritesRepo(db).get(article.id))?.note).toBe('mine');

    // The server clamped it below a newer write and answered noop: no version, no pull fix.
    await store.acknowledge(1, [{ id: 1, status: 'noop' }], SERVER_HLC, ahead);

    expect((await syncFavoritesRepo(db).get(article.id))?.note).toBe('theirs');
    expect(await store.pendingCount()).toBe(0);
  });

  it('rolls a refused note back to the one the server confirmed', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const article = summary('confirmed');
    await store.applyPull(pullPage([change('confirmed', remoteHlc(T0_MS - 1_000), { note: { value: 'server', hlc: remoteHlc(T0_MS - 1_000) } })]), T0_MS);
    await store.writeFavorite(article, { note: 'too rude' }, T0_MS);
    expect((await syncFavoritesRepo(db).get(article.id))?.note).toBe('too rude');

    await store.acknowledge(1, [{ id: 1, status: 'rejected', reason: 'forbidden' }], SERVER_HLC, T0_MS + 20);

    expect((await syncFavoritesRepo(db).get(article.id))?.note).toBe('server');
  });

  it('keeps a write applied in the same push when another write of that favorite is refused', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const article = summary('mixed');
    await store.writeFavorite(article, { saved: true }, T0_MS);
    await store.writeFavorite(article, { note: 'refused' }, T0_MS + 1);

    await store.acknowledge(
      2,
      [
        { id: 1, status: 'applied' },
        { id: 2, status: 'rejected' },
      ],
      SERVER_HLC,
      T0_MS + 20,
    );

    const favorite = await syncFavoritesRepo(db).get(article.id);
    expect(favorite?.note).toBe('');
    expect(favorite?.savedAt).toBe(new Date(T0_MS).toISOString());
    expect(await store.pendingCount()).toBe(0);
  });

  it('forgets a favorite that only ever existed in refused writes, yet names it in the rejection', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const article = summary('never');
    await store.writeFavorite(article, { saved: true }, T0_MS);

    const rejected = await store.acknowledge(1, [{ id: 1, status: 'rejected' }], SERVER_HLC, T0_MS + 20);

    expect(rejected[0]).toMatchObject({ reason: 'rejected', title: 'Title of never' });
    expect(await store.get(article.id)).toBeUndefined();
    expect(await syncFavoritesRepo(db).count()).toBe(0);
  });

  it('reports a refused write once, even when the same response is acknowledged twice', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    await store.writeFavorite(summary('twice'), { saved: true }, T0_MS);
    const results = [{ id: 1, status: 'rejected' as const }];

    expect(await store.acknowledge(1, results, SERVER_HLC, T0_MS + 20)).toHaveLength(1);
    expect(await store.acknowledge(1, results, SERVER_HLC, T0_MS + 20)).toEqual([]);
  });

  it('catches the clock up to the server so later writes sort after it', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    await store.writeFavorite(summary('a'), { saved: true }, T0_MS);
    const aheadHlc = remoteHlc(T0_MS + 3_600_000, 'server', 7);

    await store.acknowledge(1, [{ id: 1, status: 'applied' }], aheadHlc, T0_MS + 20);
    expect((await store.meta()).clock.wallMs).toBe(T0_MS + 3_600_000);
    const { entry } = await store.writeFavorite(summary('b'), { saved: true }, T0_MS + 30);

    expect(parseHlc(entry.hlc).wallMs).toBe(T0_MS + 3_600_000);
    expect(entry.hlc > aheadHlc).toBe(true);
  });
});
