/**
 * The one write path for favorites. REST PUT/DELETE call it now with a server-stamped HLC;
 * the sync push (Phase 3) will call it with clients' (clamped) HLCs. In one transaction:
 * 1. load the stored record (registers and tags);
 * 2. build the patch (REST semantics need the stored record: savePatch, removePatch);
 * 3. merge it register by register (LWW: an older HLC is a no-op);
 * 4. when something changed, bump the space version once and write the changed registers
 *    stamped with it, so a pull by version sees every change exactly once.
 */
import {
  applyFavoritePatch,
  type FavoritePatch,
  type FavoriteRecord,
} from '../../src/core/favoriteRecord';
import { userSpaceId } from '../storage/spaceIds';
import type { Storage } from '../storage/types';

export interface FavoriteWrite {
  readonly userId: string;
  readonly articleId: string;
  /** The registers to set, or a function building them from the stored record. */
  readonly patch: FavoritePatch | ((stored: FavoriteRecord | null) => FavoritePatch);
  /** The timestamp of every register this write sets. */
  readonly hlc: string;
}

export interface FavoriteWriteResult {
  readonly record: FavoriteRecord;
  /** False: every register already held a newer (or the same) write; nothing was stored. */
  readonly changed: boolean;
  /** The space version the change was stamped with; null when nothing changed. */
  readonly version: number | null;
}

export function applyFavoriteWrite(storage: Storage, write: FavoriteWrite): Promise<FavoriteWriteResult> {
  return storage.transaction(async (tx) => {
    const stored = await tx.favorites.loadRecord(write.userId, write.articleId);
    const patch = typeof write.patch === 'function' ? write.patch(stored) : write.patch;
    const { record, changed } = applyFavoritePatch(stored, patch, write.hlc, write.articleId);
    if (!changed) return { record, changed, version: null };
    const version = await tx.spaces.bump(userSpaceId(write.userId));
    await tx.favorites.writeRecord(write.userId, stored, record, version);
    await tx.meta.raiseHlcHighWater(write.hlc);
    return { record, changed, version };
  });
}
