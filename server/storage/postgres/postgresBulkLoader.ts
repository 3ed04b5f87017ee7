/**
 * Bulk loading on PostgreSQL: set-based inserts, each statement taking one array per column and
 * `unnest`-ing them into rows, so a chunk of thousands of rows is one round trip and one plan.
 * One transaction per call, like the SQLite loader; favorites are stamped with space versions
 * as any write is, with the spaces' rows locked first so a concurrent push cannot interleave.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { bulkTagSummary } from '../kysely/favoriteRecordRows';
import { HLC_HIGH_WATER_KEY } from '../kysely/metaStore';
import type { Database } from '../schema';
import { userSpaceId } from '../spaceIds';
import type { BulkFavorite, BulkLoader } from '../types';

/** Rows per statement: big enough that round trips vanish, small enough to keep one array of a few MB. */
export const BULK_CHUNK_ROWS = 10_000;
/**
 * After a load that grew a table by this many rows, and by this share of what it held, the
 * planner's statistics are refreshed at once: autovacuum would analyze the table only later,
 * and until then queries may be planned for the empty table it last saw. Smaller loads into a
 * big table are left to autovacuum (each ANALYZE costs a fraction of a second).
 */
export const ANALYZE_AFTER_ROWS = 10_000;
export const ANALYZE_AFTER_GROWTH_SHARE = 0.2;

/** True when `inserted` rows are a large load for the table (see ANALYZE_AFTER_ROWS). */
async function grewALot(db: Kysely<Database>, table: 'favorites' | 'users', inserted: number): Promise<boolean> {
  if (inserted < ANALYZE_AFTER_ROWS) return false;
  // reltuples: the row count the planner last saw (-1 or 0 when never analyzed).
  const { rows } = await sql<{ rows: number }>`select reltuples::bigint as rows from pg_class where oid = ${table}::regclass`.execute(db);
  return inserted >= ANALYZE_AFTER_GROWTH_SHARE * Math.max(rows[0]?.rows ?? 0, 0);
}

function chunks<T>(items: readonly T[], size = BULK_CHUNK_ROWS): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** The current version of each space (0 when missing), its row locked until commit. */
async function lockedVersions(trx: Transaction<Database>, spaceIds: readonly string[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (const part of chunks(spaceIds)) {
    const { rows } = await sql<{ id: string; version: number }>`
      select id, version from spaces where id = any(${part}::text[]) order by id for update`.execute(trx);
    for (const row of rows) versions.set(row.id, row.version);
  }
  return versions;
}

interface TagRow {
  readonly userId: string;
  readonly articleId: string;
  readonly tag: string;
  readonly hlc: string;
  readonly version: number;
}

async function insertFavoriteRows(trx: Transaction<Database>, favorites: readonly BulkFavorite[], versions: readonly number[]) {
  for (let start = 0; start < favorites.length; start += BULK_CHUNK_ROWS) {
    const part = favorites.slice(start, start + BULK_CHUNK_ROWS);
    const column = <T>(pick: (favorite: BulkFavorite, index: number) => T) => part.map((f, i) => pick(f, start + i));
    const summaries = part.map(bulkTagSummary);
    await sql`
      insert into favorites (user_id, article_id, saved, saved_hlc, note, note_hlc, public, public_hlc, version, tags_hlc, active_tags)
      select user_id, article_id, 1, hlc, note, note_hlc, public, public_hlc, version, tags_hlc, active_tags
      from unnest(${column((f) => f.userId)}::text[], ${column((f) => f.articleId)}::text[],
        ${column((f) => f.savedHlc)}::text[], ${column((f) => f.note ?? '')}::text[],
        ${column((f) => (f.note === undefined ? '' : f.savedHlc))}::text[], ${column((f) => (f.public ? 1 : 0))}::smallint[],
        ${column((f) => (f.public === undefined ? '' : f.savedHlc))}::text[], ${column((_, i) => versions[i]!)}::bigint[],
        ${summaries.map((t) => t.tags_hlc)}::text[], ${summaries.map((t) => t.active_tags)}::text[])
        as r (user_id, article_id, hlc, note, note_hlc, public, public_hlc, version, tags_hlc, active_tags)`.execute(trx);
  }
}

async function insertTagRows(trx: Transaction<Database>, tags: readonly TagRow[]) {
  for (const part of chunks(tags)) {
    await sql`
      insert into favorite_tags (user_id, article_id, tag, active, hlc, version)
      select user_id, article_id, tag, 1, hlc, version
      from unnest(${part.map((t) => t.userId)}::text[], ${part.map((t) => t.articleId)}::text[],
        ${part.map((t) => t.tag)}::text[], ${part.map((t) => t.hlc)}::text[], ${part.map((t) => t.version)}::bigint[])
        as r (user_id, article_id, tag, hlc, version)`.execute(trx);
  }
}

export function postgresBulkLoader(db: Kysely<Database>): BulkLoader {
  return {
    async insertUsers(users) {
      await db.transaction().execute(async (trx) => {
        for (const part of chunks(users)) {
          await sql`
            insert into users (id, username, password_hash, created_at_ms)
            select * from unnest(${part.map((u) => u.id)}::text[], ${part.map((u) => u.username)}::text[],
              ${part.map((u) => u.passwordHash)}::text[], ${part.map((u) => u.createdAtMs)}::bigint[])`.execute(trx);
          await sql`
            insert into spaces (id, version) select unnest(${part.map((u) => userSpaceId(u.id))}::text[]), 0
            on conflict (id) do nothing`.execute(trx);
        }
      });
      if (await grewALot(db, 'users', users.length)) await sql`analyze users, spaces`.execute(db);
    },

    async insertFavorites(favorites) {
      if (favorites.length === 0) return;
      await db.transaction().execute(async (trx) => {
        const spaceIds = [...new Set(favorites.map((f) => userSpaceId(f.userId)))].sort();
        const current = await lockedVersions(trx, spaceIds);
        // Each favorite is its own change: it gets the next version of its user's space.
        const versions: number[] = [];
        const tags: TagRow[] = [];
        let highWater = '';
        for (const favorite of favorites) {
          const spaceId = userSpaceId(favorite.userId);
          const version = (current.get(spaceId) ?? 0) + 1;
          current.set(spaceId, version);
          versions.push(version);
          if (favorite.savedHlc > highWater) highWater = favorite.savedHlc;
          for (const tag of new Set(favorite.tags ?? [])) {
            tags.push({ userId: favorite.userId, articleId: favorite.articleId, tag, hlc: favorite.savedHlc, version });
          }
        }
        await insertFavoriteRows(trx, favorites, versions);
        await insertTagRows(trx, tags);
        for (const part of chunks(spaceIds)) {
          await sql`
            insert into spaces (id, version)
            select * from unnest(${part}::text[], ${part.map((id) => current.get(id)!)}::bigint[])
            on conflict (id) do update set version = excluded.version`.execute(trx);
        }
        if (highWater) {
          await sql`
            insert into server_meta (key, value) values (${HLC_HIGH_WATER_KEY}, ${highWater})
            on conflict (key) do update set value = excluded.value where excluded.value > server_meta.value`.execute(trx);
        }
      });
      if (await grewALot(db, 'favorites', favorites.length)) await sql`analyze favorites, favorite_tags, spaces`.execute(db);
    },
  };
}
