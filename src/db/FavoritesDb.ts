import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import { declareSchema } from './schema';
import type { StoredArticle } from './StoredArticle';
import type { OutboxEntry } from '../sync/LocalStore';
import type { FavoriteSegment, SyncMetaRow } from './SyncRecordRow';

export const DB_NAME_PREFIX = 'favorites-';

/**
 * One user's local database. Each user gets their own IndexedDB database, named after their
 * id, so one user never reads (or, once there is an outbox, replays) another user's data.
 */
export class FavoritesDb extends Dexie {
  articles!: EntityTable<StoredArticle, 'id'>;
  favoriteSegments!: EntityTable<FavoriteSegment, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  syncMeta!: EntityTable<SyncMetaRow, 'id'>;

  constructor(readonly userId: string, options?: DexieOptions) {
    super(dbNameForUser(userId), options);
    declareSchema(this);
  }
}

export function dbNameForUser(userId: string): string {
  if (!userId) throw new Error('A local database needs a user id');
  return `${DB_NAME_PREFIX}${userId}`;
}
