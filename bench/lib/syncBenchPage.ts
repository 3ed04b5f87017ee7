/**
 * The sync benchmark's page (bench/syncChromium.ts drives it through `window.__syncBench`),
 * bundled with Vite and served by the real server: the app's own local database (`src/db`:
 * FavoritesDb, createSyncStore) and sync engine (`src/sync`: SyncEngine, syncOnce,
 * createTransport) run unchanged. The only additions are timers wrapped around the store's
 * writing transactions (acknowledge, applyPull), the transport's calls and fetch, so a run can
 * say where a pass spends its time. Times are `performance.now()` milliseconds.
 */
import { SYNC_SCHEMA_VERSION, type ArticleSummary, type PullResponse } from '../../src/contract';
import { savePatch, type FavoriteRecord } from '../../src/core/favoriteRecord';
import { createSyncStore, FavoritesDb, syncFavoritesRepo } from '../../src/db';
import { storableArticle } from '../../src/db/articlesRepo';
import { readFavorites } from '../../src/db/favoriteSegments';
import { recordRow } from '../../src/db/recordRow';
import { entryArticle } from '../../src/db/entryArticle';
import { SCHEMA_V3, SCHEMA_V4 } from '../../src/db/schema';
import { createTransport, SyncEngine, type LocalStore, type Transport } from '../../src/sync';

/**
 * What was timed: a store transaction (acknowledge, applyPull), a transport call (push, pull:
 * the request, then parsing and validating the answer) or its fetch alone, until the body was
 * read (pushFetch, pullFetch).
 */
export type SpanKind = 'acknowledge' | 'applyPull' | 'push' | 'pull' | 'pushFetch' | 'pullFetch';

export interface Span {
  readonly kind: SpanKind;
  readonly startMs: number;
  readonly endMs: number;
  /** acknowledge: the last mutation id acknowledged; applyPull: changes applied; a fetch: characters received. */
  readonly amount: number;
}

export interface PassReport {
  readonly startMs: number;
  readonly endMs: number;
  readonly state: string;
  readonly error: string | null;
  readonly spans: readonly Span[];
}

export interface DeviceState {
  /** Favorites the device holds, saved or not (its in-memory view of the segments). */
  readonly favorites: number;
  readonly saved: number;
  readonly articles: number;
  readonly pending: number;
  readonly cursor: string | null;
}

/** One save as the Save button makes it (savePatch over the current view). */
export interface BenchSave {
  readonly article: ArticleSummary;
  readonly note?: string;
  readonly public?: boolean;
  readonly tags?: readonly string[];
}

/** How the floor stores the rows: as the app does (a record and an article per favorite), or one row each (the summary inside the record). */
export type FloorLayout = 'segment' | 'record-and-article' | 'record-with-article';

export interface FloorReport {
  readonly ms: number;
  readonly puts: number;
  readonly transactions: number;
}

export interface SyncBenchApi {
  /** Opens `userId`'s database (created and populated on first open) and makes the engine. */
  open(userId: string): Promise<void>;
  /** One pass (`requestSync`), awaited. */
  sync(): Promise<PassReport>;
  /** The saves, one local transaction each (as the app makes them), with no pass requested. */
  queueSaves(saves: readonly BenchSave[]): Promise<{ readonly ms: number; readonly lastMutationId: number }>;
  /** The network came back (`networkReturned`, as the app's `online` trigger calls it), awaited. */
  reconnect(): Promise<PassReport>;
  state(): Promise<DeviceState>;
  /** Fetches every pull page for this device (untimed) and keeps them for `floor`. */
  fetchPages(): Promise<number>;
  /**
   * The IndexedDB floor of an initial sync: the rows applyPull would store for the fetched pages,
   * computed beforehand, then put with IndexedDB directly (no Dexie, no merging) into a fresh
   * database with the app's key paths and indexes, one transaction per page. Timed: the puts and commits.
   */
  floor(layout: FloorLayout): Promise<FloorReport>;
  /**
   * The whole favorites list read through a second connection to the device's database, as a page
   * opening it does: nothing cached, every segment read and decoded. Timed.
   */
  coldList(): Promise<{ readonly ms: number; readonly favorites: number }>;
}

declare global {
  interface Window {
    __syncBench?: SyncBenchApi;
  }
}

function timedStore(store: LocalStore, spans: Span[]): LocalStore {
  return {
    ...store,
    async acknowledge(lastMutationId, results, serverHlc, nowMs) {
      const startMs = performance.now();
      const rejected = await store.acknowledge(lastMutationId, results, serverHlc, nowMs);
      spans.push({ kind: 'acknowledge', startMs, endMs: performance.now(), amount: lastMutationId });
      return rejected;
    },
    async applyPull(response, nowMs) {
      const startMs = performance.now();
      await store.applyPull(response, nowMs);
      spans.push({ kind: 'applyPull', startMs, endMs: performance.now(), amount: response.changes.length });
    },
  };
}

function timedTransport(transport: Transport, spans: Span[]): Transport {
  const timed =
    <R, T>(kind: SpanKind, call: (request: R) => Promise<T>) =>
    async (request: R): Promise<T> => {
      const startMs = performance.now();
      const result = await call(request);
      spans.push({ kind, startMs, endMs: performance.now(), amount: 0 });
      return result;
    };
  return { push: timed('push', transport.push), pull: timed('pull', transport.pull) };
}

/** fetch, timed until the body is read; the transport then reads the same text from a new Response. */
function timedFetch(spans: Span[]): typeof fetch {
  return async (input, init) => {
    const startMs = performance.now();
    const response = await fetch(input, init);
    const text = await response.text();
    const kind = String(input instanceof Request ? input.url : input).endsWith('/push') ? 'pushFetch' : 'pullFetch';
    spans.push({ kind, startMs, endMs: performance.now(), amount: text.length });
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** The key path and index key paths of a Dexie schema string ('articleId, savedAt'). */
function storeShape(schema: string): { keyPath: string; indexes: string[] } {
  const [keyPath, ...indexes] = schema.split(',').map((part) => part.trim());
  return { keyPath: keyPath!, indexes };
}

function openRawDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      for (const [store, schema] of [['records', SCHEMA_V3.records], ['articles', SCHEMA_V3.articles], ['favoriteSegments', SCHEMA_V4.favoriteSegments]] as const) {
        const { keyPath, indexes } = storeShape(schema);
        const created = request.result.createObjectStore(store, { keyPath });
        for (const index of indexes) created.createIndex(index, index);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

interface FloorRows {
  readonly records: readonly object[];
  readonly articles: readonly object[];
  readonly segments: readonly object[];
}

function putAll(db: IDBDatabase, rows: FloorRows): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['records', 'articles', 'favoriteSegments'], 'readwrite');
    const records = tx.objectStore('records');
    const articles = tx.objectStore('articles');
    const segments = tx.objectStore('favoriteSegments');
    for (const row of rows.records) records.put(row);
    for (const row of rows.articles) articles.put(row);
    for (const row of rows.segments) segments.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function floorRows(page: PullResponse, index: number, layout: FloorLayout): FloorRows {
  const records: object[] = [];
  const articles: object[] = [];
  const entries: object[] = [];
  for (const change of page.changes) {
    const record: FavoriteRecord = { articleId: change.articleId, saved: change.saved, note: change.note, public: change.public, tags: change.tags };
    const row = recordRow(record, record, undefined);
    if (layout === 'record-and-article') {
      records.push(row);
      articles.push(storableArticle(change.article));
    } else if (layout === 'record-with-article') {
      records.push({ ...row, article: storableArticle(change.article) });
    } else {
      entries.push({ ...row, article: entryArticle(change.article, undefined) });
    }
  }
  return { records, articles, segments: entries.length > 0 ? [{ id: index + 1, entries }] : [] };
}

function createApi(): SyncBenchApi {
  let device: { db: FavoritesDb; store: LocalStore; engine: SyncEngine; spans: Span[] } | null = null;
  let pages: PullResponse[] = [];
  let floors = 0;
  const opened = () => {
    if (!device) throw new Error('open() first');
    return device;
  };
  const report = async (run: () => Promise<void>): Promise<PassReport> => {
    const { engine, spans } = opened();
    spans.length = 0;
    const startMs = performance.now();
    await run();
    const endMs = performance.now();
    const status = engine.getStatus();
    const error = status.lastError ? `${status.lastError.kind}: ${status.lastError.message}` : null;
    return { startMs, endMs, state: status.state, error, spans: [...spans] };
  };

  return {
    async open(userId) {
      const db = new FavoritesDb(userId);
      await db.open();
      const spans: Span[] = [];
      const store = timedStore(createSyncStore(db), spans);
      const transport = timedTransport(createTransport({ fetch: timedFetch(spans) }), spans);
      device = { db, store, engine: new SyncEngine({ userId, store, transport }), spans };
    },
    sync: () => report(() => opened().engine.requestSync()),
    async queueSaves(saves) {
      const { store } = opened();
      const startMs = performance.now();
      let lastMutationId = 0;
      for (const save of saves) {
        const body = {
          ...(save.note !== undefined ? { note: save.note } : {}),
          ...(save.public !== undefined ? { public: save.public } : {}),
          ...(save.tags !== undefined ? { tags: save.tags } : {}),
        };
        const { entry } = await store.writeFavorite(save.article, (view) => savePatch(view, body), Date.now());
        lastMutationId = entry.id;
      }
      return { ms: performance.now() - startMs, lastMutationId };
    },
    reconnect: () => report(() => opened().engine.networkReturned()),
    async state() {
      const { db, store } = opened();
      const [favorites, saved, articles, pending, meta] = await Promise.all([
        readFavorites(db).then((favorites) => favorites.size),
        syncFavoritesRepo(db).count(),
        db.articles.count(),
        store.pendingCount(),
        store.meta(),
      ]);
      return { favorites, saved, articles, pending, cursor: meta.cursor };
    },
    async fetchPages() {
      const { store } = opened();
      const { clientId } = await store.meta();
      const transport = createTransport({});
      pages = [];
      let cursor: string | null = null;
      for (;;) {
        const result = await transport.pull({ clientId, schemaVersion: SYNC_SCHEMA_VERSION, cursor });
        if (!result.ok) throw new Error(`pull failed: ${result.failure.kind}: ${result.failure.message}`);
        pages.push(result.value);
        if (!result.value.hasMore) return pages.length;
        cursor = result.value.cursor;
      }
    },
    async coldList() {
      const second = new FavoritesDb(opened().db.userId);
      try {
        await second.open();
        const startMs = performance.now();
        const favorites = await syncFavoritesRepo(second).list();
        return { ms: performance.now() - startMs, favorites: favorites.length };
      } finally {
        second.close();
      }
    },
    async floor(layout) {
      const rows = pages.map((page, index) => floorRows(page, index, layout));
      floors += 1;
      const raw = await openRawDatabase(`sync-bench-floor-${floors}`);
      try {
        const startMs = performance.now();
        for (const page of rows) await putAll(raw, page);
        const puts = rows.reduce((sum, page) => sum + page.records.length + page.articles.length + page.segments.length, 0);
        return { ms: performance.now() - startMs, puts, transactions: rows.length };
      } finally {
        raw.close();
      }
    },
  };
}

window.__syncBench = createApi();
