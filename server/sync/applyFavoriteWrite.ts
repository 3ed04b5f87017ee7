/**
 * The one write path for favorites: REST PUT/DELETE (server-stamped HLC) and sync pushes
 * (clients' clamped HLCs) both go through `applyFavoriteWriteIn`. Inside the caller's transaction:
 * 1. load the stored record (registers and tags);
 * 2. build the patch (REST semantics need the stored record: savePatch, removePatch);
 * 3. merge it register by register (LWW: an older HLC is a no-op);
 * 4. when something changed, take the transaction's version of the space (bumped once per
 *    transaction, on its first change) and write the changed registers stamped with it, so a
 *    pull by version sees every change exactly once;
 * 5. when the favorite is public before or after the change, its owner's public page changed
 *    too: the transaction notes it, so its watchers are poked after the commit.
 */
import {
  applyFavoritePatch,
  type FavoritePatch,
  type FavoriteRecord,
} from '../../src/core/favoriteRecord';
import { userSpaceId } from '../storage/spaceIds';
import type { Repositories, Storage } from '../storage/types';
import { TransactionVersions } from './transactionVersions';

export interface FavoriteWrite {
  readonly userId: string;
  readonly articleId: string;
  /** The registers to set, or a function building them from the stored record. */
  readonly patch: FavoritePatch | ((stored: FavoriteRecord | null) => FavoritePatch);
  /**
   * The timestamp of every register this write sets, or a function stamping it once the stored
   * record is known (REST: a write the user makes now must sort after what it replaces, even
   * when another process's clock saw that record's HLC and this one did not).
   */
  readonly hlc: string | ((stored: FavoriteRecord | null) => string);
}

export interface FavoriteWriteResult {
  readonly record: FavoriteRecord;
  /** False: every register already held a newer (or the same) write; nothing was stored. */
  readonly changed: boolean;
  /** The space version the change was stamped with; null when nothing changed. */
  readonly version: number | null;
  /** Every space (and public page) the transaction changed, with its version: whom to poke after the commit. */
  readonly changedSpaces: ReadonlyMap<string, number>;
}

/** One write in its own transaction (REST). */
export function applyFavoriteWrite(storage: Storage, write: FavoriteWrite): Promise<FavoriteWriteResult> {
  return storage.transaction(async (tx) => {
    const versions = new TransactionVersions(tx.spaces);
    const result = await applyFavoriteWriteIn(tx, versions, write);
    return { ...result, changedSpaces: versions.bumped() };
  });
}

/** One write inside an outer transaction; `versions` must belong to that transaction. */
export async function applyFavoriteWriteIn(
  tx: Repositories,
  versions: TransactionVersions,
  write: FavoriteWrite,
): Promise<Omit<FavoriteWriteResult, 'changedSpaces'>> {
  const stored = await tx.favorites.loadRecord(write.userId, write.articleId);
  const patch = typeof write.patch === 'function' ? write.patch(stored) : write.patch;
  const hlc = typeof write.hlc === 'function' ? write.hlc(stored) : write.hlc;
  const { record, changed } = applyFavoritePatch(stored, patch, hlc, write.articleId);
  if (!changed) return { record, changed, version: null };
  const space = userSpaceId(write.userId);
  const version = await versions.versionOf(space);
  await tx.favorites.writeRecord(write.userId, stored, record, version);
  await tx.meta.raiseHlcHighWater(space, hlc);
  if (isPublic(stored) || isPublic(record)) {
    await versions.publicPageChanged(write.userId, version, async (id) => (await tx.users.findById(id))?.username ?? null);
  }
  return { record, changed, version };
}

/** Listed on the owner's public page: saved and marked public. */
function isPublic(record: FavoriteRecord | null): boolean {
  return record !== null && record.saved.value && record.public.value;
}
