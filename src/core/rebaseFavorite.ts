/**
 * The rebase rule of the client's local store (after Replicache): what the user sees of a
 * favorite is what the server confirmed with every write still waiting in the outbox replayed
 * on top, in mutation-id order. Rolling back a refused write is recomputing this without it.
 */
import { applyFavoritePatch, type FavoritePatch, type FavoriteRecord } from './favoriteRecord';

/** A queued write as the rebase needs it: its registers and its stamp. */
export interface PendingWrite {
  readonly id: number;
  readonly args: FavoritePatch;
  readonly hlc: string;
}

/**
 * `base` with every write of `pending` applied (LWW per register, so a pending write older
 * than a confirmed register stays beaten). Null when there is neither a base nor a write.
 */
export function rebaseFavorite(
  articleId: string,
  base: FavoriteRecord | null | undefined,
  pending: readonly PendingWrite[],
): FavoriteRecord | null {
  let view = base ?? null;
  for (const write of [...pending].sort((a, b) => a.id - b.id)) {
    view = applyFavoritePatch(view, write.args, write.hlc, articleId).record;
  }
  return view;
}
