/**
 * The little of PouchDB 9's API the benchmark page uses. pouchdb-browser ships no types, and
 * bench/pouchdb/node_modules only exists once the peer is installed, so the main project's
 * type-check must not depend on it: this ambient declaration stands in either way.
 */
declare module 'pouchdb-browser' {
  export interface PouchReplicationResult {
    readonly ok: boolean;
    readonly docs_read: number;
    readonly docs_written: number;
    readonly doc_write_failures: number;
  }

  export interface PouchReplicationOptions {
    /** Changes per batch (100 by default). */
    readonly batch_size?: number;
    /** Batches in flight (10 by default). */
    readonly batches_limit?: number;
  }

  export interface PouchDatabase {
    put(doc: { readonly _id: string }): Promise<unknown>;
    bulkDocs(...args: unknown[]): Promise<unknown>;
    info(): Promise<{ readonly doc_count: number }>;
    close(): Promise<void>;
  }

  export interface PouchDBStatic {
    new (name: string): PouchDatabase;
    replicate(
      source: PouchDatabase | string,
      target: PouchDatabase | string,
      options?: PouchReplicationOptions,
    ): Promise<PouchReplicationResult>;
  }

  const PouchDB: PouchDBStatic;
  export default PouchDB;
}
