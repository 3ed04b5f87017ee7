/**
 * The commit-order race (protocol.md, "Versions and pull"): with a global sequence or a
 * timestamp as the cursor, a transaction that commits late can land behind a puller's cursor
 * and be skipped forever. Space versions are bumped under the write lock, so commit order is
 * version order. Two devices of one user push concurrently, round after round, while a third
 * pulls with a small page; the puller must end with exactly the server's state. And two
 * devices writing different registers of the same favorites at the same moment must both win:
 * a push that merged into a stale read would write the other's register back (a lost update).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SYNC_SCHEMA_VERSION, type FavoriteChange, type Mutation } from '../../src/contract';
import { pullChanges } from '../../server/sync/pullChanges';
import { pushMutations } from '../../server/sync/pushMutations';
import { storageTargets, useStorage } from './support/storageTargets';
import { setFavorite, syncFixture, type SyncFixture } from './support/syncFixture';

const ROUNDS = 40;
const BATCH_SIZE = 5;
const PULL_LIMIT = 4;
const DEVICES = ['phone-000001', 'laptop-00001'] as const;
/** Rounds of two pushes racing on the same favorites. */
const RACE_ROUNDS = 20;
/** Hundreds of transactions (and, on PostgreSQL, retried conflicts): seconds on a busy 2-core machine. */
const RACE_TIMEOUT_MS = 30_000;

/** A deterministic pseudo-random sequence, so a failure reproduces. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe.each(storageTargets)('on $name', (target) => {
  const db = useStorage(target);
  let fx: SyncFixture;

  beforeEach(async () => {
    // Many articles, so a skipped row is seldom healed by a later write to the same favorite.
    fx = await syncFixture(db.storage, 300);
  });

  describe('concurrent pushes and a puller', () => {
    it('never make the puller skip a row: following its cursor it ends with exactly the server state', async () => {
      const random = sequence(42);
      const replica = new Map<string, FavoriteChange>();
      let cursor: string | null = null;
      const pullOnce = async () => {
        const page = await pullChanges(fx.deps, fx.user.id, {
          clientId: 'reader-00001',
          schemaVersion: SYNC_SCHEMA_VERSION,
          cursor,
          limit: PULL_LIMIT,
        });
        for (const change of page.changes) {
          const held = replica.get(change.articleId);
          // Versions only grow: a change never goes back in time.
          expect(held === undefined || held.version <= change.version).toBe(true);
          replica.set(change.articleId, change);
        }
        cursor = page.cursor;
        return page.hasMore;
      };

      let pushesDone = false;
      const pushes = (async () => {
        const nextId = { [DEVICES[0]]: 1, [DEVICES[1]]: 1 };
        for (let round = 0; round < ROUNDS; round += 1) {
          await Promise.all(
            DEVICES.map((device) => {
              const mutations: Mutation[] = Array.from({ length: BATCH_SIZE }, () => {
                const articleId = fx.articleIds[Math.floor(random() * fx.articleIds.length)]!;
                const wallMs = fx.now() + Math.floor(random() * 1_000);
                return setFavorite(nextId[device]++, device, { articleId, saved: random() < 0.8, note: `${device} ${round}` }, wallMs);
              });
              return pushMutations(fx.deps, fx.user.id, { clientId: device, schemaVersion: SYNC_SCHEMA_VERSION, mutations });
            }),
          );
          fx.now.advance(1);
        }
        pushesDone = true;
      })();
      const puller = (async () => {
        while (!pushesDone) await pullOnce();
        while (await pullOnce());
      })();
      await Promise.all([pushes, puller]);

      const server = await pullChanges(fx.deps, fx.user.id, {
        clientId: 'auditor-0001',
        schemaVersion: SYNC_SCHEMA_VERSION,
        cursor: null,
      });
      expect(server.hasMore).toBe(false);
      expect(server.changes.length).toBeGreaterThan(0);
      expect(new Map(server.changes.map((c) => [c.articleId, c]))).toEqual(replica);
    }, RACE_TIMEOUT_MS);
  });

  describe('concurrent pushes to the same favorites', () => {
    it('lose no register: each device keeps the registers it wrote last', async () => {
      const articles = fx.articleIds.slice(0, 5);
      const nextId = { [DEVICES[0]]: 1, [DEVICES[1]]: 1 };
      const batch = (device: (typeof DEVICES)[number], args: (articleId: string) => object) =>
        pushMutations(fx.deps, fx.user.id, {
          clientId: device,
          schemaVersion: SYNC_SCHEMA_VERSION,
          mutations: articles.map((articleId) =>
            setFavorite(nextId[device]++, device, { articleId, saved: true, ...args(articleId) }, fx.now()),
          ),
        });
      for (let round = 0; round < RACE_ROUNDS; round += 1) {
        fx.now.advance(1);
        // The phone writes notes, the laptop the public flag, of the same favorites at once.
        await Promise.all([
          batch(DEVICES[0], () => ({ note: `round ${round}` })),
          batch(DEVICES[1], () => ({ public: round % 2 === 0 })),
        ]);
      }
      for (const articleId of articles) {
        expect(await fx.storage.favorites.get(fx.user.id, articleId)).toMatchObject({
          note: `round ${RACE_ROUNDS - 1}`,
          public: (RACE_ROUNDS - 1) % 2 === 0,
        });
      }
    }, RACE_TIMEOUT_MS);
  });
});
