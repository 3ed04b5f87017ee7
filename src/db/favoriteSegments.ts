import { Dexie } from 'dexie';
import type { FavoritesDb } from './FavoritesDb';
import { FavoritesView } from './FavoritesView';
import { segmentsToMerge } from './segmentCompaction';
import type { SegmentEntry } from './SyncRecordRow';

/**
 * Reading and appending favorite segments (`favoriteSegments`, schema v4). Each connection keeps
 * the segments it has decoded and the last view it built: segments are never rewritten, so a
 * cached one stays true until a merge deletes it, and a read after another tab's or the
 * worker's write fetches only the segments added since (usually one, of one entry).
 */
interface SegmentCache {
  readonly segments: Map<number, readonly SegmentEntry[]>;
  view: FavoritesView;
}

/**
 * Keyed by the IndexedDB connection, not the Dexie instance: a database deleted and created
 * again restarts its ids at 1, and that always takes a new connection.
 */
const caches = new WeakMap<IDBDatabase, SegmentCache>();

function cacheOf(db: FavoritesDb): SegmentCache {
  const connection = db.backendDB();
  let cache = caches.get(connection);
  if (!cache) {
    cache = { segments: new Map(), view: FavoritesView.EMPTY };
    caches.set(connection, cache);
  }
  return cache;
}

/**
 * Every favorite as of the current transaction (or a read transaction of its own): one key scan
 * of `favoriteSegments`, then only the segments this connection has not decoded yet.
 */
export function readFavorites(db: FavoritesDb): Promise<FavoritesView> {
  return db.transaction('r', db.favoriteSegments, async () => {
    const ids = (await db.favoriteSegments.toCollection().primaryKeys()) as number[];
    const cache = cacheOf(db);
    const cached = cache.view;
    if (sameIds(cached, ids)) return cached;

    const missing = ids.filter((id) => !cache.segments.has(id));
    if (missing.length > 0) {
      const rows = await db.favoriteSegments.bulkGet(missing);
      rows.forEach((row, i) => cache.segments.set(missing[i]!, row!.entries));
    }
    const loaded = (from: number) => ids.slice(from).map((id) => ({ id, entries: cache.segments.get(id)! }));
    const view = holdsPrefixOf(cached, ids) ? cached.withSegments(loaded(cached.segments.length)) : FavoritesView.EMPTY.withSegments(loaded(0));

    const present = new Set(ids);
    for (const id of cache.segments.keys()) if (!present.has(id)) cache.segments.delete(id);
    remember(cache, view);
    return view;
  });
}

/**
 * Store `entries` (at most one per favorite) as a new segment, inside the caller's read-write
 * transaction over `favoriteSegments`, where `view` was read. Merges segments as
 * `segmentsToMerge` says, in the same transaction. Returns the view after the write.
 */
export async function appendFavorites(db: FavoritesDb, view: FavoritesView, entries: readonly SegmentEntry[]): Promise<FavoritesView> {
  if (entries.length === 0) return view;
  const cache = cacheOf(db);
  const written = new Map<number, readonly SegmentEntry[]>();
  const id = await addSegment(db, lastId(view) + 1, entries);
  written.set(id, entries);
  let current = view.withSegments([{ id, entries }]);

  for (let count = segmentsToMerge(sizes(current), current.size); count > 0; count = segmentsToMerge(sizes(current), current.size)) {
    const merged = current.segments.slice(-count);
    const full = count === current.segments.length;
    const mergedEntries = full
      ? [...current.entries()]
      : newestPerFavorite(await Promise.all(merged.map((segment) => written.get(segment.id) ?? segmentEntries(db, cache, segment.id))));
    await db.favoriteSegments.bulkDelete(merged.map((segment) => segment.id));
    const mergedId = await addSegment(db, lastId(current) + 1, mergedEntries);
    for (const segment of merged) written.delete(segment.id);
    written.set(mergedId, mergedEntries);
    current = current.withMergedSuffix(count, { id: mergedId, size: mergedEntries.length });
  }

  // Cached only once committed: the ids of an aborted transaction are taken again by the next write.
  const after = current;
  Dexie.currentTransaction!.idbtrans.addEventListener('complete', () => {
    const live = new Set(after.segments.map((segment) => segment.id));
    for (const cachedId of cache.segments.keys()) if (!live.has(cachedId)) cache.segments.delete(cachedId);
    for (const [writtenId, writtenEntries] of written) cache.segments.set(writtenId, writtenEntries);
    remember(cache, after);
  });
  return after;
}

async function addSegment(db: FavoritesDb, id: number, entries: readonly SegmentEntry[]): Promise<number> {
  await db.favoriteSegments.add({ id, entries });
  return id;
}

async function segmentEntries(db: FavoritesDb, cache: SegmentCache, id: number): Promise<readonly SegmentEntry[]> {
  const cached = cache.segments.get(id);
  if (cached) return cached;
  const row = await db.favoriteSegments.get(id);
  if (!row) throw new Error(`favorite segment ${id} vanished inside its transaction`);
  return row.entries;
}

/** The entries of consecutive segments merged: the newest entry of each favorite. */
function newestPerFavorite(segments: readonly (readonly SegmentEntry[])[]): SegmentEntry[] {
  const newest = new Map<string, SegmentEntry>();
  for (const entries of segments) for (const entry of entries) newest.set(entry.articleId, entry);
  return [...newest.values()];
}

/** Keep the view of the latest state seen: ids only grow, so the larger last id is the newer. */
function remember(cache: SegmentCache, view: FavoritesView): void {
  if (lastId(view) >= lastId(cache.view)) cache.view = view;
}

function lastId(view: FavoritesView): number {
  return view.segments.at(-1)?.id ?? 0;
}

function sizes(view: FavoritesView): number[] {
  return view.segments.map((segment) => segment.size);
}

function sameIds(view: FavoritesView, ids: readonly number[]): boolean {
  return view.segments.length === ids.length && holdsPrefixOf(view, ids);
}

/** True when `ids` starts with the view's segments: segments were only added since. */
function holdsPrefixOf(view: FavoritesView, ids: readonly number[]): boolean {
  return view.segments.length <= ids.length && view.segments.every((segment, i) => segment.id === ids[i]);
}

