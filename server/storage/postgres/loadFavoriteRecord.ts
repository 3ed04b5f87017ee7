/**
 * `favorites.loadRecord` on PostgreSQL in one statement: the favorite's registers with its tag
 * registers aggregated alongside, instead of the shared store's two queries. The write path
 * loads a record for every mutation it applies, and on PostgreSQL each statement is a round trip.
 */
import { sql, type Kysely } from 'kysely';
import type { FavoriteRecord } from '../../../src/core/favoriteRecord';
import { toFavoriteRecord, type FavoriteRegisterRow } from '../kysely/favoriteRecordRows';
import type { Database } from '../schema';

/** A tag register as json_build_array gives it: [tag, active, hlc]. */
type TagTuple = [string, number, string];

export async function loadFavoriteRecord(db: Kysely<Database>, userId: string, articleId: string): Promise<FavoriteRecord | null> {
  const { rows } = await sql<FavoriteRegisterRow & { tags: TagTuple[] }>`
    select f.article_id, f.saved, f.saved_hlc, f.note, f.note_hlc, f.public, f.public_hlc,
      coalesce((select json_agg(json_build_array(t.tag, t.active, t.hlc)) from favorite_tags t
                where t.user_id = f.user_id and t.article_id = f.article_id), '[]') as tags
    from favorites f where f.user_id = ${userId} and f.article_id = ${articleId}`.execute(db);
  const row = rows[0];
  if (!row) return null;
  const tagRows = row.tags.map(([tag, active, hlc]) => ({ article_id: row.article_id, tag, active, hlc }));
  return toFavoriteRecord(row, tagRows);
}
