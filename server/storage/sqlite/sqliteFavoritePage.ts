/**
 * The favorites page (`favorites.list` without `q`) on SQLite as better-sqlite3 statements
 * prepared once per storage, bypassing Kysely: building and compiling the Kysely query and
 * mapping its rows cost more than SQLite running it. One statement per page reads one range
 * of the covering index (migrations 0003 and 0006), tag summary included, so no primary-key
 * lookups and no `favorite_tags` row. Everything else (search, `q`, transactions) stays on
 * the shared Kysely store, which the PostgreSQL adapter reuses.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ArticleSummary, FavoritePage } from '../../../src/contract';
import type { ArticleSummaryCache } from '../kysely/articleSummaryCache';
import { ARTICLE_SUMMARY_COLUMNS, toArticleSummary } from '../kysely/articleStore';
import { decodePageCursor, encodePageCursor } from '../kysely/pageCursor';
import type { FavoriteListOptions, FavoriteStore, QueryObserver } from '../types';
import { PAGE_ROW, PAGE_ROW_COLUMNS, pageRowToFavorite, type PageRow } from '../kysely/favoritePageRows';

type ListFavorites = FavoriteStore['list'];

const PAGE_SELECT = `
  select ${PAGE_ROW_COLUMNS}
  from favorites f
  where f.user_id = :userId and f.saved = 1`;
const AFTER_CURSOR = `and (f.saved_hlc, f.article_id) < (:cursorHlc, :cursorArticleId)`;
const HAS_TAG = `and exists (select 1 from favorite_tags t
  where t.user_id = f.user_id and t.article_id = f.article_id and t.tag = :tag and t.active = 1)`;
const NEWEST_FIRST = `order by f.saved_hlc desc, f.article_id desc limit :limit`;

interface PageParameters {
  userId: string;
  limit: number;
  cursorHlc?: string;
  cursorArticleId?: string;
  tag?: string;
}

export function sqliteFavoriteList(
  sqlite: BetterSqlite3.Database,
  articles: ArticleSummaryCache,
  /** The Kysely implementation: `q`, and calls while a transaction holds the connection. */
  fallback: ListFavorites,
  /** Times each page read here like a query (Kysely times the fallback's own queries). */
  onQuery?: QueryObserver,
): ListFavorites {
  const prepare = (cursor: boolean, tag: boolean) =>
    sqlite
      .prepare<[PageParameters], PageRow>([PAGE_SELECT, cursor ? AFTER_CURSOR : '', tag ? HAS_TAG : '', NEWEST_FIRST].join('\n'))
      .raw();
  const firstPage = prepare(false, false);
  const laterPage = prepare(true, false);
  const firstTagPage = prepare(false, true);
  const laterTagPage = prepare(true, true);
  const summaryStatement = sqlite.prepare<[string], Parameters<typeof toArticleSummary>[0]>(
    `select ${ARTICLE_SUMMARY_COLUMNS.join(', ')} from articles where id = ?`,
  );

  function summary(articleId: string): ArticleSummary {
    let found = articles.peek(articleId);
    if (!found) {
      const row = summaryStatement.get(articleId);
      // The foreign key guarantees the article exists.
      if (!row) throw new Error(`favorite of unknown article ${articleId}`);
      found = toArticleSummary(row);
      articles.add(found);
    }
    return found;
  }

  function page(userId: string, { limit, cursor, tag }: FavoriteListOptions): FavoritePage {
    const parameters: PageParameters = { userId, limit: limit + 1 };
    if (cursor) [parameters.cursorHlc, parameters.cursorArticleId] = decodePageCursor(cursor, 'string');
    if (tag) parameters.tag = tag;
    const statement = tag ? (cursor ? laterTagPage : firstTagPage) : cursor ? laterPage : firstPage;
    const rows = statement.all(parameters);
    const count = Math.min(rows.length, limit);
    const items = new Array<FavoritePage['items'][number]>(count);
    for (let index = 0; index < count; index += 1) {
      const row = rows[index]!;
      items[index] = pageRowToFavorite(row, summary(row[PAGE_ROW.articleId]));
    }
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items,
      nextCursor: last ? encodePageCursor(last[PAGE_ROW.savedHlc], last[PAGE_ROW.articleId]) : null,
    };
  }

  return async (userId, options) => {
    // Kysely shares this one connection: while one of its transactions is open, a direct read
    // here would see its uncommitted writes, so such calls queue behind it through Kysely.
    if (options.q !== undefined || sqlite.inTransaction) return fallback(userId, options);
    if (!onQuery) return page(userId, options);
    const startedMs = performance.now();
    try {
      return page(userId, options);
    } finally {
      onQuery(performance.now() - startedMs);
    }
  };
}
