import type { FavoriteRecord } from '../core/favoriteRecord';
import type { SyncMeta } from '../sync/LocalStore';

/** One favorite in the `records` table (schema v2): the rebase model's two states of it. */
export interface SyncRecordRow {
  readonly articleId: string;
  /** The registers the server confirmed (pulls); null until a pull brought this favorite. */
  readonly confirmed: FavoriteRecord | null;
  /** What the user sees: confirmed with every pending outbox entry replayed on top. */
  readonly view: FavoriteRecord;
  /**
   * Indexed, newest first lists walk it. Only present while `view` is saved, so tombstones
   * stay out of the index (IndexedDB skips rows without the key) and counting is an index count.
   */
  readonly savedAt?: string;
  /**
   * A favorite saved before sync (schema v1), as registers stamped with the empty HLC: every
   * server write beats them, yet a rollback before the first pull falls back to them instead
   * of losing the favorite.
   */
  readonly legacy?: LegacyFavorite;
}

export interface LegacyFavorite {
  readonly record: FavoriteRecord;
  /** Its v1 savedAt (ISO UTC): the registers' empty HLCs carry no time. */
  readonly savedAt: string;
}

export const SYNC_META_ID = 'sync';

/** The single `syncMeta` row. */
export interface SyncMetaRow extends SyncMeta {
  readonly id: typeof SYNC_META_ID;
}
