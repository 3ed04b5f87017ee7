import { createClock } from '../core/hlc';
import { newClientId } from '../core/ids';
import { SYNC_META_ID, type SyncMetaRow } from './SyncRecordRow';

/** The sync state of a database that never synced: a fresh device id, mutation ids from 1. */
export function initialSyncMeta(): SyncMetaRow {
  const clientId = newClientId();
  return { id: SYNC_META_ID, clientId, clock: createClock(clientId), nextMutationId: 1, cursor: null };
}
