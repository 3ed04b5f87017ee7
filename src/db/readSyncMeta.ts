import type { FavoritesDb } from './FavoritesDb';
import { SYNC_META_ID, type SyncMetaRow } from './SyncRecordRow';

/** The schema's populate or upgrade step did not run: the database is not one of ours. */
export class SyncMetaMissingError extends Error {
  readonly code = 'sync_meta_missing';
}

/** The single sync state row (call inside a transaction that includes `syncMeta`). */
export async function readSyncMeta(db: FavoritesDb): Promise<SyncMetaRow> {
  const meta = await db.syncMeta.get(SYNC_META_ID);
  if (!meta) throw new SyncMetaMissingError(`${db.name} has no sync state`);
  return meta;
}
