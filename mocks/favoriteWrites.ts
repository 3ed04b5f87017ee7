/**
 * The mock's one write path for favorites, as `server/sync/applyFavoriteWrite.ts` is the
 * server's: REST writes and sync pushes merge registers with `applyFavoritePatch` and stamp
 * changed favorites with their space's version, bumped once per write batch on its first change.
 */
import { applyFavoritePatch, type FavoritePatch, type FavoriteRecord } from '../src/core/favoriteRecord';
import type { MockState } from './state';

export function userSpaceId(userId: string): string {
  return `u:${userId}`;
}

function mapOf<V>(outer: Map<string, Map<string, V>>, userId: string): Map<string, V> {
  let inner = outer.get(userId);
  if (!inner) {
    inner = new Map();
    outer.set(userId, inner);
  }
  return inner;
}

export function favoritesOf(state: MockState, userId: string): Map<string, FavoriteRecord> {
  return mapOf(state.favorites, userId);
}

export function favoriteVersionsOf(state: MockState, userId: string): Map<string, number> {
  return mapOf(state.favoriteVersions, userId);
}

/** One write batch (a REST write, or a whole push): each space is bumped once, on first change. */
export class MockWriteBatch {
  readonly #versions = new Map<string, number>();

  constructor(readonly state: MockState) {}

  versionOf(spaceId: string): number {
    let version = this.#versions.get(spaceId);
    if (version === undefined) {
      version = (this.state.spaceVersions.get(spaceId) ?? 0) + 1;
      this.state.spaceVersions.set(spaceId, version);
      this.#versions.set(spaceId, version);
    }
    return version;
  }

  /** Merges `patch` stamped `hlc` into the favorite; `changed` false when every register was newer. */
  write(
    userId: string,
    articleId: string,
    patch: FavoritePatch | ((stored: FavoriteRecord | null) => FavoritePatch),
    hlc: string,
  ): { record: FavoriteRecord; changed: boolean } {
    const favorites = favoritesOf(this.state, userId);
    const stored = favorites.get(articleId) ?? null;
    const result = applyFavoritePatch(stored, typeof patch === 'function' ? patch(stored) : patch, hlc, articleId);
    if (result.changed) {
      favorites.set(articleId, result.record);
      favoriteVersionsOf(this.state, userId).set(articleId, this.versionOf(userSpaceId(userId)));
    }
    return result;
  }
}
