/**
 * A server restored from an older backup: devices are ahead of it. Their pull cursors name
 * versions the server will reuse, and their next mutation ids lie beyond its lastMutationId.
 * Pull must start such a device over (not skip the server's new changes forever); push answers
 * the gap with 409 and the client moves its queue to a new client id (SyncEngine), which the
 * server then takes like any new device.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, encodeSyncCursor, SYNC_SCHEMA_VERSION } from '../../src/contract';
import { userSpaceId } from '../../server/storage/spaceIds';
import { pullChanges } from '../../server/sync/pullChanges';
import { pushMutations } from '../../server/sync/pushMutations';
import { storageTargets, useStorage } from './support/storageTargets';
import { setFavorite, syncFixture, type SyncFixture } from './support/syncFixture';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');

describe.each(storageTargets)('after a restore, on $name', (target) => {
  const db = useStorage(target);
  let fx: SyncFixture;

  beforeEach(async () => {
    fx = await syncFixture(db.storage, 5);
  });

  it('a pull with a cursor beyond the space version reads the whole space again', async () => {
    const [a, b] = fx.articleIds;
    await pushMutations(fx.deps, fx.user.id, {
      clientId: 'phone-000001',
      schemaVersion: SYNC_SCHEMA_VERSION,
      mutations: [setFavorite(1, 'phone-000001', { articleId: a!, saved: true }, T0), setFavorite(2, 'phone-000001', { articleId: b!, saved: true }, T0 + 1)],
    });
    // The device had pulled up to version 9 before the restore; the server is at version 1 now.
    const ahead = encodeSyncCursor({ [userSpaceId(fx.user.id)]: [9, 'zzzzzzzzzzzzzzzzzzzzzz'] });

    const page = await pullChanges(fx.deps, fx.user.id, { clientId: 'laptop-00001', schemaVersion: SYNC_SCHEMA_VERSION, cursor: ahead });

    expect(page.changes.map((change) => change.articleId).sort()).toEqual([a, b].sort());
    expect(page.hasMore).toBe(false);
  });

  it('a cursor at or behind the space version is followed as usual', async () => {
    const [a] = fx.articleIds;
    await pushMutations(fx.deps, fx.user.id, {
      clientId: 'phone-000001',
      schemaVersion: SYNC_SCHEMA_VERSION,
      mutations: [setFavorite(1, 'phone-000001', { articleId: a!, saved: true }, T0)],
    });
    const current = encodeSyncCursor({ [userSpaceId(fx.user.id)]: [1, a!] });
    const page = await pullChanges(fx.deps, fx.user.id, { clientId: 'laptop-00001', schemaVersion: SYNC_SCHEMA_VERSION, cursor: current });
    expect(page.changes).toEqual([]);
  });

  it('a push beyond the lost mutations is a 409 with lastMutationId; the same writes under a new client id apply once', async () => {
    const [a, b] = fx.articleIds;
    const push = (clientId: string, mutations: Parameters<typeof setFavorite>[] ) =>
      pushMutations(fx.deps, fx.user.id, { clientId, schemaVersion: SYNC_SCHEMA_VERSION, mutations: mutations.map((m) => setFavorite(...m)) });
    await push('phone-000001', [[1, 'phone-000001', { articleId: a!, saved: true }, T0]]);

    // The device had mutations 2 and 3 acknowledged by the server before it was restored.
    const gap = await push('phone-000001', [[4, 'phone-000001', { articleId: b!, saved: true }, T0 + 5]]).catch((error: unknown) => error);
    expect(gap).toBeInstanceOf(ApiError);
    expect(gap).toMatchObject({ code: 'conflict', details: { lastMutationId: 1 } });

    const rebased = await push('phone-rebased', [[1, 'phone-rebased', { articleId: b!, saved: true }, T0 + 5]]);
    expect(rebased.results).toEqual([{ id: 1, status: 'applied' }]);
    const again = await push('phone-rebased', [[1, 'phone-rebased', { articleId: b!, saved: true }, T0 + 5]]);
    expect(again.results).toEqual([{ id: 1, status: 'noop' }]);
  });
});
