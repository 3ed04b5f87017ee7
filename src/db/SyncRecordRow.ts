import type { FavoriteRecord } from '../core/favoriteRecord';
import type { ArticleSummary } from '../contract';
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

/**
 * One favorite as a segment stores it (schema v4): its record row and the summary of its
 * article, kept beside it so the favorite lists offline. `article` is missing only for rows
 * carried over from a database that had lost the article (the list skips those).
 */
export interface FavoriteEntry extends SyncRecordRow {
  readonly article?: ArticleSummary;
}

/** A favorite dropped (a refused write rolled back to nothing): shadows older segments' entry. */
export interface RemovedEntry {
  readonly articleId: string;
  readonly removed: true;
}

export type SegmentEntry = FavoriteEntry | RemovedEntry;

/**
 * A row of `favoriteSegments`: favorites written together (one pull page, one local write, or
 * a merge of segments). Never rewritten: a change is a new segment with a higher id, and the
 * newest entry of a favorite wins. That is what makes an initial sync cheap (one put per
 * 1,000-change page instead of two thousand) and what lets every open page cache the decoded
 * segments it has read.
 */
export interface FavoriteSegment {
  /**
   * One more than the newest segment's, given in the writing transaction: the order of the
   * writes. (Not IndexedDB's key generator: Dexie's live queries miss adds whose key it makes.)
   */
  readonly id: number;
  readonly entries: readonly SegmentEntry[];
}
