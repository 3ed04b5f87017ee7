/**
 * Favorite registers on PostgreSQL in one statement each: the favorite's registers with its tag
 * registers aggregated alongside, instead of the shared store's two queries (rows, then tags).
 * The write path loads a record for every mutation it applies and every pull reads a page of
 * changes, and on PostgreSQL each statement is a network round trip.
 */
import { sql, type Kysely } from 'kysely';
import type { FavoriteRecord } from '../../../src/core/favoriteRecord';
import type { ArticleSummary } from '../../../src/contract';
import { loadArticleSummaries } from '../kysely/articleStore';
import type { ArticleSummaryCache } from '../kysely/articleSummaryCache';
import { toFavoriteRecord, type FavoriteRegisterRow } from '../kysely/favoriteRecordRows';
import type { Database } from '../schema';
import type { StoredFavoriteChange } from '../types';

/** A tag register as json_build_array gives it: [tag, active, hlc]. */
type TagTuple = [string, number, string];

/** A favorite's registers with its tag registers as one JSON array (`'[]'` without any). */
const TAGS_OF_ROW = sql<TagTuple[]>`coalesce((select json_agg(json_build_array(t.tag, t.active, t.hlc)) from favorite_tags t
  where t.user_id = f.user_id and t.article_id = f.article_id), '[]')`;

function recordOf(row: FavoriteRegisterRow & { tags: TagTuple[] }): FavoriteRecord {
  const tagRows = row.tags.map(([tag, active, hlc]) => ({ article_id: row.article_id, tag, active, hlc }));
  return toFavoriteRecord(row, tagRows);
}

export async function loadFavoriteRecord(db: Kysely<Database>, userId: string, articleId: string): Promise<FavoriteRecord | null> {
  const { rows } = await sql<FavoriteRegisterRow & { tags: TagTuple[] }>`
    select f.article_id, f.saved, f.saved_hlc, f.note, f.note_hlc, f.public, f.public_hlc, ${TAGS_OF_ROW} as tags
    from favorites f where f.user_id = ${userId} and f.article_id = ${articleId}`.execute(db);
  const row = rows[0];
  return row ? recordOf(row) : null;
}

/** `favorites.changesAfter`: a pull page's favorites in (version, article id) order, tags included. */
export async function loadFavoriteChanges(
  db: Kysely<Database>,
  articles: ArticleSummaryCache,
  userId: string,
  [version, articleId]: readonly [number, string],
  limit: number,
): Promise<StoredFavoriteChange[]> {
  const { rows } = await sql<FavoriteRegisterRow & { version: number; tags: TagTuple[] }>`
    select f.article_id, f.saved, f.saved_hlc, f.note, f.note_hlc, f.public, f.public_hlc, f.version, ${TAGS_OF_ROW} as tags
    from favorites f
    where f.user_id = ${userId} and (f.version, f.article_id) > (${version}, ${articleId})
    order by f.version, f.article_id limit ${limit}`.execute(db);
  const summaries = await articles.getMany(
    rows.map((row) => row.article_id),
    (missing) => loadArticleSummaries(db, missing),
  );
  return rows.map((row) => ({
    record: recordOf(row),
    version: row.version,
    // The foreign key guarantees the article exists.
    article: summaries.get(row.article_id) as ArticleSummary,
  }));
}
