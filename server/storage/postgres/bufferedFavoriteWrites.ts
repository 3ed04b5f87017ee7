/**
 * Write-behind for favorite registers inside one PostgreSQL transaction. The shared write path
 * (applyFavoriteWriteIn) loads, merges and writes one favorite at a time; on PostgreSQL each of
 * those writes is two or three round trips, so a 50-mutation push would be some 150 statements.
 * Here `favorites.writeRecord` and `meta.raiseHlcHighWater` only record what to write, and the
 * transaction writes it all before it commits as three set-based statements (`unnest` upserts).
 * The write path itself is unchanged: it calls the same repository methods.
 * What keeps it correct:
 * - `favorites.loadRecord` answers a favorite written earlier in the transaction from the
 *   buffer (the newest record), so later mutations of one batch merge onto earlier ones;
 * - every other repository method writes the buffer out first, so no query of the
 *   transaction ever reads around a pending write;
 * - a favorite written twice is written once, from the first stored state to the last record,
 *   with the registers that differ between them (what two separate writes would have left).
 * Errors of the deferred statements surface at the flush, still inside the transaction, which
 * then rolls back as a whole.
 */
import { sql, type Kysely } from 'kysely';
import type { FavoriteRecord } from '../../../src/core/favoriteRecord';
import { changedTags, favoriteRegistersChanged, tagSummary } from '../kysely/favoriteRecordRows';
import type { Database } from '../schema';
import type { Repositories } from '../types';

interface PendingWrite {
  readonly userId: string;
  /** The record as the database holds it (before this transaction's first write to it). */
  readonly stored: FavoriteRecord | null;
  readonly after: FavoriteRecord;
  readonly version: number;
}

/** Methods that read or write only through the buffer; every other one flushes it first. */
const BUFFERED = new Set(['favorites.loadRecord', 'favorites.writeRecord', 'meta.raiseHlcHighWater']);

const keyOf = (userId: string, articleId: string) => `${userId}\u0000${articleId}`;

export class BufferedFavoriteWrites {
  readonly #db: Kysely<Database>;
  readonly #pending = new Map<string, PendingWrite>();
  /** Per space: the largest HLC this transaction wrote. */
  readonly #highWaters = new Map<string, string>();

  /** `db` must be the transaction the writes belong to. */
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The transaction's repositories with favorite writes buffered (see the module comment). */
  wrap(repositories: Repositories): Repositories {
    const flushingFirst = <T extends object>(name: string, store: T): T => {
      const wrapped: Record<string, unknown> = {};
      for (const [method, value] of Object.entries(store)) {
        wrapped[method] =
          typeof value === 'function' && !BUFFERED.has(`${name}.${method}`)
            ? async (...args: unknown[]) => {
                await this.flush();
                return (value as (...a: unknown[]) => unknown).apply(store, args);
              }
            : value;
      }
      return wrapped as T;
    };
    const { favorites, meta } = repositories;
    return {
      users: flushingFirst('users', repositories.users),
      tokens: flushingFirst('tokens', repositories.tokens),
      articles: flushingFirst('articles', repositories.articles),
      spaces: flushingFirst('spaces', repositories.spaces),
      syncClients: flushingFirst('syncClients', repositories.syncClients),
      favorites: {
        ...flushingFirst('favorites', favorites),
        loadRecord: async (userId, articleId) =>
          this.#pending.get(keyOf(userId, articleId))?.after ?? favorites.loadRecord(userId, articleId),
        writeRecord: async (userId, before, after, version) => {
          const key = keyOf(userId, after.articleId);
          const earlier = this.#pending.get(key);
          this.#pending.set(key, { userId, stored: earlier ? earlier.stored : before, after, version });
        },
      },
      meta: {
        ...flushingFirst('meta', meta),
        raiseHlcHighWater: async (spaceId, hlc) => {
          if (hlc > (this.#highWaters.get(spaceId) ?? '')) this.#highWaters.set(spaceId, hlc);
        },
      },
    };
  }

  /** Writes everything buffered; the transaction calls it before committing. */
  async flush(): Promise<void> {
    const writes = [...this.#pending.values()];
    const highWaters = [...this.#highWaters];
    this.#pending.clear();
    this.#highWaters.clear();
    // The favorite row takes the version whenever anything changed, its tags included (favoriteStore).
    const rows = writes.filter((w) => favoriteRegistersChanged(w.stored, w.after) || changedTags(w.stored, w.after).length > 0);
    if (rows.length > 0) await this.#upsertFavorites(rows);
    const tags = writes.flatMap((w) =>
      changedTags(w.stored, w.after).map(([tag, register]) => ({ w, tag, active: register.value ? 1 : 0, hlc: register.hlc })),
    );
    if (tags.length > 0) {
      await sql`
        insert into favorite_tags (user_id, article_id, tag, active, hlc, version)
        select * from unnest(${tags.map((t) => t.w.userId)}::text[], ${tags.map((t) => t.w.after.articleId)}::text[],
          ${tags.map((t) => t.tag)}::text[], ${tags.map((t) => t.active)}::smallint[], ${tags.map((t) => t.hlc)}::text[],
          ${tags.map((t) => t.w.version)}::bigint[])
        on conflict (user_id, article_id, tag) do update
          set active = excluded.active, hlc = excluded.hlc, version = excluded.version`.execute(this.#db);
    }
    // The space rows are locked by the transaction's version bumps already: no new contention.
    for (const [spaceId, hlc] of highWaters) {
      await sql`update spaces set hlc_high = ${hlc} where id = ${spaceId} and hlc_high < ${hlc}`.execute(this.#db);
    }
  }

  async #upsertFavorites(rows: readonly PendingWrite[]): Promise<void> {
    const column = <T>(pick: (write: PendingWrite) => T) => rows.map(pick);
    const summaries = rows.map((w) => tagSummary(w.after));
    await sql`
      insert into favorites (user_id, article_id, saved, saved_hlc, note, note_hlc, public, public_hlc, version, tags_hlc, active_tags)
      select * from unnest(${column((w) => w.userId)}::text[], ${column((w) => w.after.articleId)}::text[],
        ${column((w) => (w.after.saved.value ? 1 : 0))}::smallint[], ${column((w) => w.after.saved.hlc)}::text[],
        ${column((w) => w.after.note.value)}::text[], ${column((w) => w.after.note.hlc)}::text[],
        ${column((w) => (w.after.public.value ? 1 : 0))}::smallint[], ${column((w) => w.after.public.hlc)}::text[],
        ${column((w) => w.version)}::bigint[], ${summaries.map((t) => t.tags_hlc)}::text[],
        ${summaries.map((t) => t.active_tags)}::text[])
      on conflict (user_id, article_id) do update set
        saved = excluded.saved, saved_hlc = excluded.saved_hlc, note = excluded.note, note_hlc = excluded.note_hlc,
        public = excluded.public, public_hlc = excluded.public_hlc, version = excluded.version,
        tags_hlc = excluded.tags_hlc, active_tags = excluded.active_tags`.execute(this.#db);
  }
}
