/**
 * The favorites page (`favorites.list` without `q`) on PostgreSQL in one statement, the tag
 * summary read from the favorite rows (migration 0006): on PostgreSQL every statement is a
 * network round trip, the largest part of a page's cost. Rows have the same shape as the
 * SQLite fast path's, so both map them with `pageRowToFavorite`. Rows come back as arrays
 * (pg's rowMode) straight from the pool, without Kysely's compile step. `q` (search) stays on
 * the shared Kysely store, and so does every call inside a transaction (its repositories are
 * Kysely's).
 */
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { FavoritePage } from '../../../src/contract';
import { loadArticleSummaries } from '../kysely/articleStore';
import type { ArticleSummaryCache } from '../kysely/articleSummaryCache';
import { decodePageCursor, encodePageCursor } from '../kysely/pageCursor';
import type { Database } from '../schema';
import { PAGE_ROW, PAGE_ROW_COLUMNS, pageRowToFavorite, type PageRow } from '../kysely/favoritePageRows';
import type { FavoriteListOptions, FavoriteStore, QueryObserver } from '../types';

type ListFavorites = FavoriteStore['list'];

const PAGE_SELECT = `
  select ${PAGE_ROW_COLUMNS}
  from favorites f
  where f.user_id = $1 and f.saved = 1`;
const NEWEST_FIRST = 'order by f.saved_hlc desc, f.article_id desc limit $2';

/** The statement for a page: parameters $1 user, $2 limit, then the cursor's two, then the tag. */
function pageStatement(cursor: boolean, tag: boolean): string {
  const afterCursor = cursor ? 'and (f.saved_hlc, f.article_id) < ($3, $4)' : '';
  const hasTag = tag
    ? `and exists (select 1 from favorite_tags t
        where t.user_id = f.user_id and t.article_id = f.article_id and t.tag = $${cursor ? 5 : 3} and t.active = 1)`
    : '';
  return [PAGE_SELECT, afterCursor, hasTag, NEWEST_FIRST].filter(Boolean).join('\n');
}

export function postgresFavoriteList(
  pool: pg.Pool,
  db: Kysely<Database>,
  articles: ArticleSummaryCache,
  /** The Kysely implementation, for `q`. */
  fallback: ListFavorites,
  /** Times each page statement like a query (Kysely times the fallback's own). */
  onQuery?: QueryObserver,
): ListFavorites {
  const statements = new Map<string, string>();
  const statementFor = (cursor: boolean, tag: boolean) => {
    const key = `${cursor}/${tag}`;
    let text = statements.get(key);
    if (!text) statements.set(key, (text = pageStatement(cursor, tag)));
    return text;
  };

  async function rowsOf(userId: string, { limit, cursor, tag }: FavoriteListOptions): Promise<PageRow[]> {
    const values: unknown[] = [userId, limit + 1];
    if (cursor) values.push(...decodePageCursor(cursor, 'string'));
    if (tag) values.push(tag);
    const startedMs = onQuery ? performance.now() : 0;
    try {
      const result = await pool.query<PageRow>({ text: statementFor(Boolean(cursor), Boolean(tag)), values, rowMode: 'array' });
      return result.rows;
    } finally {
      onQuery?.(performance.now() - startedMs);
    }
  }

  return async (userId, options) => {
    if (options.q !== undefined) return fallback(userId, options);
    const rows = await rowsOf(userId, options);
    const count = Math.min(rows.length, options.limit);
    const ids = rows.slice(0, count).map((row) => row[PAGE_ROW.articleId]);
    const summaries = await articles.getMany(ids, (missing) => loadArticleSummaries(db, missing));
    const items: FavoritePage['items'] = [];
    for (let index = 0; index < count; index += 1) {
      const row = rows[index]!;
      const summary = summaries.get(row[PAGE_ROW.articleId]);
      // The foreign key guarantees the article exists.
      if (!summary) throw new Error(`favorite of unknown article ${row[PAGE_ROW.articleId]}`);
      items.push(pageRowToFavorite(row, summary));
    }
    const last = rows.length > options.limit ? rows[options.limit - 1] : undefined;
    return { items, nextCursor: last ? encodePageCursor(last[PAGE_ROW.savedHlc], last[PAGE_ROW.articleId]) : null };
  };
}
