import { newClientId } from '../core/ids';
import { rebaseOutboxEntries } from '../sync/rebaseOutboxEntries';
import type { FavoritesDb } from './FavoritesDb';
import { readSyncMeta } from './readSyncMeta';
import { SYNC_META_ID } from './SyncRecordRow';

/**
 * LocalStore.rebaseOutbox on Dexie: the outbox and the sync meta change in one transaction, so
 * a write made meanwhile (which takes its id from the meta) lands before or after, never between.
 */
export function rebaseOutbox(db: FavoritesDb): Promise<string> {
  return db.transaction('rw', [db.outbox, db.syncMeta], async () => {
    const meta = await readSyncMeta(db);
    const clientId = newClientId();
    const rebased = rebaseOutboxEntries(await db.outbox.orderBy('id').toArray(), clientId);
    await db.outbox.clear();
    await db.outbox.bulkAdd(rebased);
    await db.syncMeta.put({
      ...meta,
      id: SYNC_META_ID,
      clientId,
      clock: { ...meta.clock, clientId },
      nextMutationId: rebased.length + 1,
    });
    return clientId;
  });
}
