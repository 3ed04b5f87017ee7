/**
 * PostgreSQL buffers favorite writes inside a transaction and writes them set-based before the
 * commit (bufferedFavoriteWrites.ts). Nothing of that may show: the transaction reads its own
 * writes, a favorite written twice ends as written last, a failure leaves nothing; and a push
 * costs about one statement per mutation instead of three or four.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYNC_SCHEMA_VERSION } from '../../../src/contract';
import { applyFavoritePatch, type FavoriteRecord } from '../../../src/core/favoriteRecord';
import { formatHlc } from '../../../src/core/hlc';
import { openPostgresStorage } from '../../../server/storage/postgres/openPostgresStorage';
import type { Storage, StoredUser } from '../../../server/storage/types';
import { pushMutations } from '../../../server/sync/pushMutations';
import { ServerClock } from '../../../server/sync/serverClock';
import { postgresTestSchema } from '../../support/postgresSchema';
import { probePostgres } from '../../support/services';
import { addArticles, addUser, article } from '../support/fixtures';
import { setFavorite } from '../support/syncFixture';

const postgres = await probePostgres();
const at = (wallMs: number) => formatHlc(wallMs, 0, 'deviceA');
const PUSH_SIZE = 50;

describe.skipIf(!postgres.available)('favorite writes in a PostgreSQL transaction', () => {
  const schema = postgresTestSchema('buffer');
  let storage: Storage;
  let statements = 0;
  let user: StoredUser;
  let articleIds: string[];

  beforeAll(async () => {
    await (await openPostgresStorage(schema.url, { schema: schema.schema })).close();
  });

  beforeEach(async () => {
    await schema.query('truncate users, articles, favorites, favorite_tags, spaces, server_meta, sync_clients cascade');
    storage = await openPostgresStorage(schema.url, { schema: schema.schema, poolSize: 2, onQuery: () => (statements += 1) });
    user = await addUser(storage, 'ada');
    articleIds = (await addArticles(storage, Array.from({ length: PUSH_SIZE }, (_, i) => article(`b-${i}`)))).map((a) => a.id);
  });

  afterEach(async () => {
    await storage.close();
  });

  afterAll(async () => {
    await schema.drop();
  });

  const patched = (record: FavoriteRecord | null, articleId: string, patch: Parameters<typeof applyFavoritePatch>[1], wallMs: number) =>
    applyFavoritePatch(record, patch, at(wallMs), articleId).record;

  it('reads its own writes: the record, the page and the changes see them before the commit', async () => {
    const articleId = articleIds[0]!;
    const seen = await storage.transaction(async (tx) => {
      const after = patched(null, articleId, { saved: true, note: 'pending' }, 1_000);
      await tx.favorites.writeRecord(user.id, null, after, 1);
      return {
        record: await tx.favorites.loadRecord(user.id, articleId),
        page: (await tx.favorites.list(user.id, { limit: 10 })).items.map((item) => item.note),
        changes: (await tx.favorites.changesAfter(user.id, [0, ''], 10)).map((change) => change.version),
      };
    });
    expect(seen).toEqual({ record: patched(null, articleId, { saved: true, note: 'pending' }, 1_000), page: ['pending'], changes: [1] });
  });

  it('stores a favorite written twice as written last, a tag dropped in between included', async () => {
    const articleId = articleIds[0]!;
    await storage.transaction(async (tx) => {
      const first = patched(null, articleId, { saved: true, tags: { a: true, b: true } }, 1_000);
      await tx.favorites.writeRecord(user.id, null, first, 1);
      const stored = await tx.favorites.loadRecord(user.id, articleId);
      await tx.favorites.writeRecord(user.id, stored, patched(stored, articleId, { note: 'later', tags: { b: false } }, 2_000), 1);
      const space = `u:${user.id}`;
      await tx.spaces.bump(space);
      await tx.meta.raiseHlcHighWater(space, at(2_000));
      await tx.meta.raiseHlcHighWater(space, at(1_000));
    });
    expect(await storage.favorites.loadRecord(user.id, articleId)).toEqual({
      articleId,
      saved: { value: true, hlc: at(1_000) },
      note: { value: 'later', hlc: at(2_000) },
      public: { value: false, hlc: '' },
      tags: { a: { value: true, hlc: at(1_000) }, b: { value: false, hlc: at(2_000) } },
    });
    expect(await schema.query('select tag, version from favorite_tags order by tag')).toEqual([
      { tag: 'a', version: 1 },
      { tag: 'b', version: 1 },
    ]);
    expect(await storage.meta.hlcHighWater()).toBe(at(2_000));
  });

  it('leaves nothing behind when the transaction fails after buffering writes', async () => {
    await expect(
      storage.transaction(async (tx) => {
        await tx.favorites.writeRecord(user.id, null, patched(null, articleIds[0]!, { saved: true }, 1_000), 1);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await storage.favorites.loadRecord(user.id, articleIds[0]!)).toBeNull();
  });

  it(`applies a push of ${PUSH_SIZE} new favorites in about one statement per mutation`, async () => {
    const deps = { storage, clock: new ServerClock(() => 5_000), now: () => 5_000 };
    const mutations = articleIds.map((articleId, i) =>
      setFavorite(i + 1, 'deviceA', { articleId, saved: true, tags: { x: true } }, 1_000 + i),
    );
    statements = 0;
    const result = await pushMutations(deps, user.id, { clientId: 'deviceA', schemaVersion: SYNC_SCHEMA_VERSION, mutations });
    expect(result.results.every((r) => r.status === 'applied')).toBe(true);
    // One load per mutation, plus begin, the client (read, registered), the articles, the bump,
    // three set-based writes, the client's advance and the commit: 60. Unbuffered it was over 200.
    expect(statements).toBeLessThanOrEqual(PUSH_SIZE + 12);
    expect((await storage.favorites.list(user.id, { limit: PUSH_SIZE })).items).toHaveLength(PUSH_SIZE);
  });
});
