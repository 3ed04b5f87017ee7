import { beforeEach, describe, expect, it } from 'vitest';
import { SYNC_SCHEMA_VERSION, type Mutation } from '../../src/contract';
import type { Storage } from '../../server/storage/types';
import { applyFavoriteWrite } from '../../server/sync/applyFavoriteWrite';
import { pullChanges } from '../../server/sync/pullChanges';
import { pushMutations } from '../../server/sync/pushMutations';
import { storageTargets, useStorage } from './support/storageTargets';
import { setFavorite, syncFixture, type SyncFixture } from './support/syncFixture';

const DEVICE = 'laptop-0001';

/** The storage, except that the `failAt`-th favorite write of any transaction throws (a disk error midway). */
function failingOnWrite(storage: Storage, failAt: number): Storage {
  return {
    ...storage,
    transaction: (work) => {
      let writes = 0;
      return storage.transaction((tx) =>
        work({
          ...tx,
          favorites: {
            ...tx.favorites,
            async writeRecord(...args) {
              writes += 1;
              if (writes === failAt) throw new Error('SQLITE_IOERR: disk I/O error');
              return tx.favorites.writeRecord(...args);
            },
          },
        }),
      );
    },
  };
}

describe.each(storageTargets)('on $name', (target) => {
  const db = useStorage(target);
  let fx: SyncFixture;

  beforeEach(async () => {
    fx = await syncFixture(db.storage);
  });

  const push = (mutations: Mutation[], deps = fx.deps) =>
    pushMutations(deps, fx.user.id, { clientId: DEVICE, schemaVersion: SYNC_SCHEMA_VERSION, mutations });

  describe('pushMutations', () => {
    it('bumps the space version once for a whole batch and stamps every change with it', async () => {
      const t = fx.now();
      await push(fx.articleIds.slice(0, 5).map((articleId, i) => setFavorite(i + 1, DEVICE, { articleId, saved: true, tags: { x: true } }, t)));

      expect(await fx.storage.spaces.version(`u:${fx.user.id}`)).toBe(1);
      const pulled = await pullChanges(fx.deps, fx.user.id, { clientId: DEVICE, schemaVersion: SYNC_SCHEMA_VERSION, cursor: null });
      expect(pulled.changes.map((c) => c.version)).toEqual([1, 1, 1, 1, 1]);
    });

    it('does not bump the version for a batch of no-ops', async () => {
      const t = fx.now();
      const articleId = fx.articleIds[0]!;
      await push([setFavorite(1, DEVICE, { articleId, note: 'new' }, t)]);
      await push([setFavorite(2, DEVICE, { articleId, note: 'old' }, t - 1)]);
      expect(await fx.storage.spaces.version(`u:${fx.user.id}`)).toBe(1);
    });

    it('leaves nothing applied and lastMutationId unchanged when its transaction fails midway', async () => {
      const t = fx.now();
      await push([setFavorite(1, DEVICE, { articleId: fx.articleIds[0]!, saved: true }, t)]);
      const deps = { ...fx.deps, storage: failingOnWrite(fx.storage, 2) };

      const batch = [2, 3, 4].map((id) => setFavorite(id, DEVICE, { articleId: fx.articleIds[id]!, saved: true }, t + id));
      await expect(push(batch, deps)).rejects.toThrow(/disk I\/O/);

      const pulled = await pullChanges(fx.deps, fx.user.id, { clientId: DEVICE, schemaVersion: SYNC_SCHEMA_VERSION, cursor: null });
      expect(pulled.lastMutationId).toBe(1);
      expect(pulled.changes.map((c) => c.articleId)).toEqual([fx.articleIds[0]]);
      expect(await fx.storage.spaces.version(`u:${fx.user.id}`)).toBe(1);
      // The retry of the same batch then applies in full.
      expect((await push(batch)).lastMutationId).toBe(4);
    });

    it('keeps a batch of future-dated writes in order, so the later write of a register wins', async () => {
      const year2100 = Date.UTC(2100, 0, 1);
      const articleId = fx.articleIds[0]!;
      const result = await push([
        setFavorite(1, DEVICE, { articleId, saved: true, note: 'first' }, year2100),
        setFavorite(2, DEVICE, { articleId, note: 'second' }, year2100 + 1),
      ]);
      expect(result.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      expect((await fx.storage.favorites.get(fx.user.id, articleId))?.note).toBe('second');
    });

    it('stamps a REST write after a clamped push later than it: the server clock caught up', async () => {
      const articleId = fx.articleIds[0]!;
      await push([setFavorite(1, DEVICE, { articleId, saved: true, note: 'device' }, Date.UTC(2100, 0, 1))]);
      await applyFavoriteWrite(fx.storage, { userId: fx.user.id, articleId, patch: { note: 'rest' }, hlc: fx.deps.clock.stamp() });
      expect((await fx.storage.favorites.get(fx.user.id, articleId))?.note).toBe('rest');
    });
  });

  describe('the sync_clients table', () => {
    it('records the owner, the last mutation id and when the client was last seen', async () => {
      await push([setFavorite(1, DEVICE, { articleId: fx.articleIds[0]!, saved: true }, fx.now())]);
      fx.now.advance(1_000);
      await push([setFavorite(2, DEVICE, { articleId: fx.articleIds[1]!, saved: true }, fx.now())]);
      expect(await db.rows('select user_id, last_mutation_id, last_seen_at_ms - created_at_ms as seen from sync_clients')).toEqual([
        { user_id: fx.user.id, last_mutation_id: 2, seen: 1_000 },
      ]);
    });
  });
});
