// The peer's types: an ambient declaration, so the type-check needs no bench/pouchdb/node_modules.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an import of a .d.ts that only declares a module is not possible
/// <reference path="./pouchdb-browser.d.ts" />
/**
 * The peer's benchmark page: PouchDB 9 (pouchdb-browser, its default `idb` adapter, i.e.
 * IndexedDB) replicating with pouchdb-server, driven from bench/pouchdb/pouchdbReplication.ts
 * through `window.__pouchBench`. Bundled with Vite like ours and injected into a document of
 * the pouchdb-server's own origin, so replication is same-origin, as the app's sync is.
 * The only addition is a timer around the local database's `bulkDocs`, the call through which
 * replication writes pulled documents into IndexedDB. Times are `performance.now()` ms.
 */
import PouchDB, { type PouchDatabase, type PouchReplicationOptions } from 'pouchdb-browser';

/** A favorite as a CouchDB document: the same fields as ours, values without registers. */
export interface PouchFavoriteDoc {
  readonly _id: string;
  readonly articleId: string;
  readonly saved: boolean;
  readonly savedAt: string;
  readonly note: string;
  readonly public: boolean;
  readonly tags: readonly string[];
  readonly article: object;
}

export interface PouchReplicationReport {
  readonly ms: number;
  readonly docsWritten: number;
  /** Time inside the local database's bulkDocs (the IndexedDB writes of a pull). */
  readonly localWriteMs: number;
  /** Documents in the local database afterwards. */
  readonly localDocs: number;
}

export interface PouchBenchApi {
  /** Writes the docs into local database `name`, one `put` (one transaction) each, as a user's saves would. */
  queue(name: string, docs: readonly PouchFavoriteDoc[]): Promise<{ readonly ms: number }>;
  /** Replicates local `name` to the server's database `remote` (a path on this origin). */
  push(name: string, remote: string, options: PouchReplicationOptions): Promise<PouchReplicationReport>;
  /** Replicates the server's database `remote` into local `name` (fresh). */
  pull(name: string, remote: string, options: PouchReplicationOptions): Promise<PouchReplicationReport>;
}

declare global {
  interface Window {
    __pouchBench?: PouchBenchApi;
  }
}

const remoteUrl = (path: string) => `${location.origin}/${path}`;

/** Sums the time spent in `db.bulkDocs` from now on. */
function timeBulkDocs(db: PouchDatabase): () => number {
  let totalMs = 0;
  const bulkDocs = db.bulkDocs.bind(db);
  db.bulkDocs = async (...args: unknown[]) => {
    const startMs = performance.now();
    try {
      return await bulkDocs(...args);
    } finally {
      totalMs += performance.now() - startMs;
    }
  };
  return () => totalMs;
}

async function replicate(local: PouchDatabase, run: () => Promise<{ docs_written: number; ok: boolean }>): Promise<PouchReplicationReport> {
  const localWriteMs = timeBulkDocs(local);
  const startMs = performance.now();
  const result = await run();
  const ms = performance.now() - startMs;
  if (!result.ok) throw new Error('replication did not complete');
  const { doc_count: localDocs } = await local.info();
  return { ms, docsWritten: result.docs_written, localWriteMs: localWriteMs(), localDocs };
}

window.__pouchBench = {
  async queue(name, docs) {
    const db = new PouchDB(name);
    const startMs = performance.now();
    for (const doc of docs) await db.put(doc);
    return { ms: performance.now() - startMs };
  },
  push(name, remote, options) {
    const local = new PouchDB(name);
    return replicate(local, () => PouchDB.replicate(local, remoteUrl(remote), options));
  },
  pull(name, remote, options) {
    const local = new PouchDB(name);
    return replicate(local, () => PouchDB.replicate(remoteUrl(remote), local, options));
  },
};
