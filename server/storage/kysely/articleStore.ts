import { sql, type Kysely, type Selectable } from 'kysely';
import type { ArticleSummary } from '../../../src/contract';
import type { ArticlesTable, Database } from '../schema';
import { isoTime } from '../../../src/core/isoTime';
import { searchTerms } from '../../../src/core/searchTerms';
import type { ArticleStore } from '../types';
import { decodePageCursor, encodePageCursor } from './pageCursor';
import type { TextSearch } from './textSearch';

/** Rows per INSERT: 11 parameters each stays far below SQLite's 32,766-parameter limit. */
const INSERT_CHUNK_ROWS = 500;

export const ARTICLE_SUMMARY_COLUMNS = [
  'id',
  'url',
  'title',
  'author',
  'excerpt',
  'image_url',
  'reading_minutes',
  'published_at_ms',
] as const;

const LIST_COLUMNS = ARTICLE_SUMMARY_COLUMNS.map((c) => `a.${c}` as const);

type SummaryRow = Pick<Selectable<ArticlesTable>, (typeof ARTICLE_SUMMARY_COLUMNS)[number]>;

export function toArticleSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    author: row.author,
    excerpt: row.excerpt,
    publishedAt: isoTime(row.published_at_ms),
    ...(row.image_url ? { imageUrl: row.image_url } : {}),
    readingMinutes: row.reading_minutes,
  };
}

/** Summaries of the given articles, in no particular order; unknown ids are skipped. */
export async function loadArticleSummaries(db: Kysely<Database>, ids: readonly string[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('articles').select(ARTICLE_SUMMARY_COLUMNS).where('id', 'in', ids).execute();
  return rows.map(toArticleSummary);
}

export function articleStore(db: Kysely<Database>, textSearch: TextSearch): ArticleStore {
  return {
    async count() {
      const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async insertMany(articles, createdAtMs) {
      for (let start = 0; start < articles.length; start += INSERT_CHUNK_ROWS) {
        const rows = articles.slice(start, start + INSERT_CHUNK_ROWS).map((article) => ({
          id: article.id,
          url: article.url,
          title: article.title,
          author: article.author,
          excerpt: article.excerpt,
          body: article.body,
          image_url: article.imageUrl ?? null,
          reading_minutes: article.readingMinutes,
          published_at_ms: Date.parse(article.publishedAt),
          created_at_ms: createdAtMs,
        }));
        await db.insertInto('articles').values(rows).onConflict((oc) => oc.column('id').doNothing()).execute();
      }
    },

    async get(id) {
      const row = await db
        .selectFrom('articles')
        .select([...ARTICLE_SUMMARY_COLUMNS, 'body'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { ...toArticleSummary(row), body: row.body } : null;
    },

    async existingIds(ids) {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom('articles').select('id').where('id', 'in', [...new Set(ids)]).execute();
      return new Set(rows.map((row) => row.id));
    },

    async list({ limit, cursor, q }) {
      let query = db.selectFrom('articles as a').select(LIST_COLUMNS);
      if (q) {
        const terms = searchTerms(q);
        if (terms.length === 0) return { items: [], nextCursor: null };
        query = query.where(textSearch.articleMatches(sql.ref('a.id'), terms, ['title', 'excerpt', 'body']));
      }
      if (cursor) {
        const [publishedAtMs, id] = decodePageCursor(cursor, 'number');
        query = query.where((eb) => eb(eb.refTuple('a.published_at_ms', 'a.id'), '<', eb.tuple(publishedAtMs, id)));
      }
      const rows = await query
        .orderBy('a.published_at_ms', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit + 1)
        .execute();
      const pageRows = rows.slice(0, limit);
      const last = pageRows.at(-1);
      return {
        items: pageRows.map(toArticleSummary),
        nextCursor: rows.length > limit && last ? encodePageCursor(last.published_at_ms, last.id) : null,
      };
    },
  };
}
