import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/contract';
import { parseHlc } from '../../../src/core/hlc';
import { createSyncStore, syncFavoritesRepo, type FavoritesDb } from '../../../src/db';
import { isolatedDb, storedCount, summary } from './fixtures';

let db: FavoritesDb;
afterEach(async () => {
  await db.delete();
});

const T0_MS = Date.parse('2024-06-01T09:00:00.000Z');

describe('writing a favorite on the device', () => {
  it('writes the record, its outbox entry, the next mutation id and the clock together', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const article = summary('first');
    const before = await store.meta();

    const { entry, view } = await store.writeFavorite(article, { saved: true, note: 'read later' }, T0_MS);

    expect(entry).toEqual({
      id: 1,
      op: 'favorite.set.v1',
      args: { articleId: article.id, saved: true, note: 'read later' },
      hlc: entry.hlc,
      queuedAtMs: T0_MS,
    });
    expect(parseHlc(entry.hlc)).toEqual({ wallMs: T0_MS, counter: 0, clientId: before.clientId });
    expect(view).toMatchObject({ saved: { value: true, hlc: entry.hlc }, note: { value: 'read later', hlc: entry.hlc } });
    expect(await store.pending(10)).toEqual([entry]);
    expect(await store.meta()).toEqual({ ...before, clock: { ...before.clock, wallMs: T0_MS, counter: 0 }, nextMutationId: 2 });
    expect(await store.get(article.id)).toEqual({ articleId: article.id, confirmed: null, view, article });
    expect((await syncFavoritesRepo(db).get(article.id))?.note).toBe('read later');
  });

  it('leaves nothing written when the write fails inside its transaction', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const before = await store.meta();
    // The meta row is written last: failing there proves the record and the entry roll back too.
    db.syncMeta.hook('updating', () => {
      throw new Error('disk full');
    });

    await expect(store.writeFavorite(summary('lost'), { saved: true }, T0_MS)).rejects.toThrow('disk full');

    expect(await storedCount(db)).toBe(0);
    expect(await store.pendingCount()).toBe(0);
    expect(await db.articles.count()).toBe(0);
    expect(await db.syncMeta.toArray()).toEqual([{ id: 'sync', ...before }]);
  });

  it('leaves nothing written when computing the patch throws', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const failing = () => {
      throw new Error('bad patch');
    };

    await expect(store.writeFavorite(summary('lost'), failing, T0_MS)).rejects.toThrow('bad patch');

    expect(await storedCount(db)).toBe(0);
    expect(await store.pendingCount()).toBe(0);
    expect((await store.meta()).nextMutationId).toBe(1);
  });

  it('refuses args the server would reject, before queueing anything', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);

    await expect(store.writeFavorite(summary('x'), { tags: { 'two words': true } }, T0_MS)).rejects.toBeInstanceOf(ApiError);
    expect(await store.pendingCount()).toBe(0);
  });

  it('normalises tags the way the server does, so the registers have the same names', async () => {
    db = isolatedDb();
    const { entry, view } = await createSyncStore(db).writeFavorite(summary('x'), { tags: { ' CSS ': true } }, T0_MS);
    expect(entry.args.tags).toEqual({ css: true });
    expect(Object.keys(view.tags)).toEqual(['css']);
  });

  it('hands out gapless mutation ids and strictly increasing HLCs even when the wall clock goes back', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const nowMs = [T0_MS, T0_MS, T0_MS - 60_000, T0_MS + 5, T0_MS - 1];

    const entries = [];
    for (const [i, ms] of nowMs.entries()) entries.push((await store.writeFavorite(summary(`a${i % 2}`), { note: `n${i}` }, ms)).entry);

    expect(entries.map((e) => e.id)).toEqual([1, 2, 3, 4, 5]);
    const hlcs = entries.map((e) => e.hlc);
    expect(hlcs.every((hlc, i) => i === 0 || hlc > hlcs[i - 1]!)).toBe(true);
    expect((await store.pending(3)).map((e) => e.id)).toEqual([1, 2, 3]);
    expect(await store.pendingCount()).toBe(5);
    expect((await store.meta()).nextMutationId).toBe(6);
  });

  it('computes a patch from the current view inside the transaction', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const article = summary('toggled');
    const toggle = (view: { saved: { value: boolean } } | null) => ({ saved: !(view?.saved.value ?? false) });

    await store.writeFavorite(article, toggle, T0_MS);
    const second = await store.writeFavorite(article, toggle, T0_MS + 1);

    expect(second.entry.args).toEqual({ articleId: article.id, saved: false });
    expect(await syncFavoritesRepo(db).count()).toBe(0);
  });

  it('keeps a stored article body when saving its summary', async () => {
    db = isolatedDb();
    const article = summary('with-body');
    await db.articles.put({ ...article, body: '<p>offline</p>', storedAt: '2024-01-01T00:00:00.000Z' });

    await createSyncStore(db).writeFavorite(article, { saved: true }, T0_MS);

    expect((await db.articles.get(article.id))?.body).toBe('<p>offline</p>');
  });
});
