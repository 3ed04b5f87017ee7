import type { FavoriteEntry, SegmentEntry } from './SyncRecordRow';

/** A segment as read: its id (the order of writes) and its entries. */
export interface LoadedSegment {
  readonly id: number;
  readonly entries: readonly SegmentEntry[];
}

export interface SegmentInfo {
  readonly id: number;
  readonly size: number;
}

/** Up to this many changed entries, the sorted list is patched instead of sorted again. */
const PATCH_SORTED_MAX = 256;

/**
 * Every favorite of a user's database, in memory (pure: no I/O). Built from the segments in id
 * order, the newest entry of each favorite winning; immutable, so a live query's result and the
 * next write can share it. The saved list (newest first) and the saved ids are derived on first
 * use: a pull page needs neither.
 */
export class FavoritesView {
  static readonly EMPTY = new FavoritesView([], new Map());

  private sortedSaved: readonly FavoriteEntry[] | undefined;
  private savedIdSet: ReadonlySet<string> | undefined;

  private constructor(
    /** The segments it was built from, oldest first. */
    readonly segments: readonly SegmentInfo[],
    private readonly byId: ReadonlyMap<string, FavoriteEntry>,
    sortedSaved?: readonly FavoriteEntry[],
  ) {
    this.sortedSaved = sortedSaved;
  }

  /** The view of these segments (in id order) written after this view's. */
  withSegments(added: readonly LoadedSegment[]): FavoritesView {
    if (added.length === 0) return this;
    const byId = new Map(this.byId);
    const changed: SegmentEntry[] = [];
    for (const segment of added) {
      for (const entry of segment.entries) {
        if ('removed' in entry) byId.delete(entry.articleId);
        else byId.set(entry.articleId, entry);
        changed.push(entry);
      }
    }
    const segments = [...this.segments, ...added.map(({ id, entries }) => ({ id, size: entries.length }))];
    const sorted = this.sortedSaved && changed.length <= PATCH_SORTED_MAX ? patchSorted(this.sortedSaved, changed, byId) : undefined;
    return new FavoritesView(segments, byId, sorted);
  }

  /**
   * The same favorites, with the newest `count` segments replaced by `merged`, which holds their
   * newest entries (or, when `count` is all of them, every favorite).
   */
  withMergedSuffix(count: number, merged: SegmentInfo): FavoritesView {
    return new FavoritesView([...this.segments.slice(0, -count), merged], this.byId, this.sortedSaved);
  }

  get(articleId: string): FavoriteEntry | undefined {
    return this.byId.get(articleId);
  }

  /** Favorites held (saved or not): what a full compaction keeps. */
  get size(): number {
    return this.byId.size;
  }

  entries(): IterableIterator<FavoriteEntry> {
    return this.byId.values();
  }

  /** Saved favorites, most recently saved first (ties: article id, descending). */
  saved(): readonly FavoriteEntry[] {
    this.sortedSaved ??= [...this.byId.values()].filter(isSaved).sort(newestFirst);
    return this.sortedSaved;
  }

  savedIds(): ReadonlySet<string> {
    this.savedIdSet ??= new Set(this.saved().map((entry) => entry.articleId));
    return this.savedIdSet;
  }
}

function isSaved(entry: FavoriteEntry): boolean {
  return entry.savedAt !== undefined;
}

/** Newest `savedAt` first, then the larger article id: the order the v3 index walk gave. */
function newestFirst(a: FavoriteEntry, b: FavoriteEntry): number {
  if (a.savedAt !== b.savedAt) return a.savedAt! < b.savedAt! ? 1 : -1;
  return a.articleId < b.articleId ? 1 : a.articleId > b.articleId ? -1 : 0;
}

/** `sorted` with the changed favorites taken out and their current saved entries put in place. */
function patchSorted(sorted: readonly FavoriteEntry[], changed: readonly SegmentEntry[], byId: ReadonlyMap<string, FavoriteEntry>): FavoriteEntry[] {
  const ids = new Set(changed.map((entry) => entry.articleId));
  const next = sorted.filter((entry) => !ids.has(entry.articleId));
  for (const id of ids) {
    const entry = byId.get(id);
    if (!entry || !isSaved(entry)) continue;
    next.splice(insertionIndex(next, entry), 0, entry);
  }
  return next;
}

function insertionIndex(sorted: readonly FavoriteEntry[], entry: FavoriteEntry): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(sorted[middle]!, entry) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
