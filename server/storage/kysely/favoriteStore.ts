import { sql, type Expression, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { ArticleSummary, Favorite, FavoritePage } from '../../../src/contract';
import type { Database, FavoritesTable } from '../schema';
import { searchTerms } from '../../../src/core/searchTerms';
import type { FavoriteStore } from '../types';
import type { ArticleSummaryCache } from './articleSummaryCache';
import { loadArticleSummaries } from './articleStore';
import {
  changedTags,
  favoriteRegistersChanged,
  tagSummary,
  tagsByArticle,
  toFavoriteRecord,
  type TagRegisterRow,
} from './favoriteRecordRows';
import { PAGE_ROW_FIELDS, pageRowToFavorite, type PageRow } from './favoritePageRows';
import { decodePageCursor, encodePageCursor } from './pageCursor';
import { preparedQuery, type PreparedQueries } from './preparedQuery';
import type { ArticleTextColumn, TextSearch } from './textSearch';

const FAVORITE_COLUMNS = ['article_id', 'saved', 'saved_hlc', 'note', 'note_hlc', 'public', 'public_hlc'] as const;
type PageRowObject = Pick<FavoritesTable, (typeof PAGE_ROW_FIELDS)[number]>;
const REGISTER_COLUMNS = FAVORITE_COLUMNS.map((c) => `f.${c}` as const);
/** What a page shows of a saved favorite: its registers but `saved`, and the tag summary (PAGE_ROW). */
const PAGE_COLUMNS = PAGE_ROW_FIELDS.map((c) => `f.${c}` as const);

// The write path's and the pull's statements, prepared (see preparedQuery.ts): every push runs them.
const loadFavoriteRow = preparedQuery((db, p: { userId: string; articleId: string }) =>
  db.selectFrom('favorites').select(FAVORITE_COLUMNS).where('user_id', '=', p.userId).where('article_id', '=', p.articleId),
);

const loadFavoriteTags = preparedQuery((db, p: { userId: string; articleId: string }) =>
  db
    .selectFrom('favorite_tags')
    .select(['article_id', 'tag', 'active', 'hlc'])
    .where('user_id', '=', p.userId)
    .where('article_id', '=', p.articleId),
);

const upsertFavoriteRow = preparedQuery((db, p: Insertable<FavoritesTable>) =>
  db
    .insertInto('favorites')
    .values({
      user_id: p.user_id,
      article_id: p.article_id,
      saved: p.saved,
      saved_hlc: p.saved_hlc,
      note: p.note,
      note_hlc: p.note_hlc,
      public: p.public,
      public_hlc: p.public_hlc,
      version: p.version,
      tags_hlc: p.tags_hlc,
      active_tags: p.active_tags,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'article_id']).doUpdateSet((eb) => ({
        saved: eb.ref('excluded.saved'),
        saved_hlc: eb.ref('excluded.saved_hlc'),
        note: eb.ref('excluded.note'),
        note_hlc: eb.ref('excluded.note_hlc'),
        public: eb.ref('excluded.public'),
        public_hlc: eb.ref('excluded.public_hlc'),
        version: eb.ref('excluded.version'),
        tags_hlc: eb.ref('excluded.tags_hlc'),
        active_tags: eb.ref('excluded.active_tags'),
      })),
    ),
);

const changedFavoriteRows = preparedQuery((db, p: { userId: string; version: number; articleId: string; limit: number }) =>
  db
    .selectFrom('favorites as f')
    .select([...REGISTER_COLUMNS, 'f.version'])
    .where('f.user_id', '=', p.userId)
    .where((eb) => eb(eb.refTuple('f.version', 'f.article_id'), '>', eb.tuple(p.version, p.articleId)))
    .orderBy('f.version')
    .orderBy('f.article_id')
    .limit(p.limit),
);

interface PageQuery {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly tag?: string | undefined;
  /** Only favorites their owner made public (the public profile page). */
  readonly publicOnly?: boolean;
  /** Words every favorite must match, in the article's `columns`, the note or a tag. */
  readonly terms: readonly string[];
  readonly columns: readonly ArticleTextColumn[];
}

export function favoriteStore(
  db: Kysely<Database>,
  textSearch: TextSearch,
  articles: ArticleSummaryCache,
  queries: PreparedQueries,
): FavoriteStore {
  /** Every tag register of the given favorites, in one query. */
  async function loadTags(userId: string, articleIds: readonly string[]): Promise<Map<string, TagRegisterRow[]>> {
    if (articleIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('favorite_tags')
      .select(['article_id', 'tag', 'active', 'hlc'])
      .where('user_id', '=', userId)
      .where('article_id', 'in', articleIds)
      .execute();
    return tagsByArticle(rows);
  }

  /** The API form of saved favorites' page rows, in their order, articles from the cache. */
  async function toFavorites(rows: readonly PageRowObject[]): Promise<Favorite[]> {
    const summaries = await articles.getMany(
      rows.map((row) => row.article_id),
      (missing) => loadArticleSummaries(db, missing),
    );
    return rows.map((row) =>
      pageRowToFavorite(
        PAGE_ROW_FIELDS.map((field) => row[field]) as PageRow,
        // The foreign key guarantees the article exists.
        summaries.get(row.article_id) as ArticleSummary,
      ),
    );
  }

  function savedFavorites(userId: string) {
    return db.selectFrom('favorites as f').select(PAGE_COLUMNS).where('f.user_id', '=', userId).where('f.saved', '=', 1);
  }

  /** Literal predicates: the partial index `favorites_public_page` matches only those. */
  function publicFavorites(userId: string) {
    return db
      .selectFrom('favorites as f')
      .select(PAGE_COLUMNS)
      .where('f.user_id', '=', userId)
      .where('f.saved', '=', sql.lit(1))
      .where('f.public', '=', sql.lit(1));
  }

  function hasActiveTag(tagMatches: (tag: Expression<string>) => Expression<SqlBool>) {
    return db
      .selectFrom('favorite_tags as t')
      .select(sql`1`.as('one'))
      .where('t.user_id', '=', sql.ref<string>('f.user_id'))
      .where('t.article_id', '=', sql.ref<string>('f.article_id'))
      .where('t.active', '=', 1)
      .where(tagMatches(sql.ref<string>('t.tag')));
  }

  async function page(userId: string, query: PageQuery): Promise<FavoritePage> {
    let select = query.publicOnly ? publicFavorites(userId) : savedFavorites(userId);
    if (query.cursor) {
      const [savedHlc, articleId] = decodePageCursor(query.cursor, 'string');
      select = select.where((eb) => eb(eb.refTuple('f.saved_hlc', 'f.article_id'), '<', eb.tuple(savedHlc, articleId)));
    }
    if (query.tag) {
      const wanted = query.tag;
      select = select.where((eb) => eb.exists(hasActiveTag((tag) => eb(tag, '=', wanted))));
    }
    for (const term of query.terms) {
      select = select.where((eb) =>
        eb.or([
          textSearch.articleMatches(sql.ref<string>('f.article_id'), [term], query.columns),
          textSearch.contains(sql.ref<string>('f.note'), term),
          eb.exists(hasActiveTag((tag) => textSearch.contains(tag, term))),
        ]),
      );
    }
    const rows = await select
      .orderBy('f.saved_hlc', 'desc')
      .orderBy('f.article_id', 'desc')
      .limit(query.limit + 1)
      .execute();
    const pageRows = rows.slice(0, query.limit);
    const last = pageRows.at(-1);
    return {
      items: await toFavorites(pageRows),
      nextCursor: rows.length > query.limit && last ? encodePageCursor(last.saved_hlc, last.article_id) : null,
    };
  }

  return {
    async list(userId, { limit, cursor, tag, q }) {
      const terms = searchTerms(q);
      if (q && terms.length === 0) return { items: [], nextCursor: null };
      return page(userId, { limit, cursor, tag, terms, columns: ['title', 'excerpt'] });
    },

    async search(userId, { q, limit }) {
      const terms = searchTerms(q);
      if (terms.length === 0) return { items: [], nextCursor: null };
      // Search answers one page, newest saved first, no cursor (the contract has none here).
      const result = await page(userId, { limit, terms, columns: ['title', 'excerpt', 'body'] });
      return { items: result.items, nextCursor: null };
    },

    async listPublic(userId, { limit, cursor }) {
      return page(userId, { limit, cursor, terms: [], columns: [], publicOnly: true });
    },

    async get(userId, articleId) {
      const row = await savedFavorites(userId).where('f.article_id', '=', articleId).executeTakeFirst();
      if (!row) return null;
      return (await toFavorites([row]))[0] ?? null;
    },

    async loadRecord(userId, articleId) {
      const row = await queries.first(loadFavoriteRow, db, { userId, articleId });
      if (!row) return null;
      const tags = await queries.run(loadFavoriteTags, db, { userId, articleId });
      return toFavoriteRecord(row, tags.rows);
    },

    async writeRecord(userId, before, after, version) {
      const tags = changedTags(before, after);
      // The favorite row carries the version of the favorite's last change, its tags' included,
      // so a pull finds every change in one index range scan (favorites_by_version).
      if (tags.length > 0 || favoriteRegistersChanged(before, after)) {
        await queries.run(upsertFavoriteRow, db, {
          user_id: userId,
          article_id: after.articleId,
          saved: after.saved.value ? 1 : 0,
          saved_hlc: after.saved.hlc,
          note: after.note.value,
          note_hlc: after.note.hlc,
          public: after.public.value ? 1 : 0,
          public_hlc: after.public.hlc,
          version,
          ...tagSummary(after),
        });
      }
      if (tags.length > 0) {
        await db
          .insertInto('favorite_tags')
          .values(
            tags.map(([tag, register]) => ({
              user_id: userId,
              article_id: after.articleId,
              tag,
              active: register.value ? 1 : 0,
              hlc: register.hlc,
              version,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['user_id', 'article_id', 'tag']).doUpdateSet((eb) => ({
              active: eb.ref('excluded.active'),
              hlc: eb.ref('excluded.hlc'),
              version: eb.ref('excluded.version'),
            })),
          )
          .execute();
      }
    },

    async changesAfter(userId, [version, articleId], limit) {
      const { rows } = await queries.run(changedFavoriteRows, db, { userId, version, articleId, limit });
      const ids = rows.map((row) => row.article_id);
      const tags = await loadTags(userId, ids);
      const summaries = await articles.getMany(ids, (missing) => loadArticleSummaries(db, missing));
      return rows.map((row) => ({
        record: toFavoriteRecord(row, tags.get(row.article_id) ?? []),
        version: row.version,
        // The foreign key guarantees the article exists.
        article: summaries.get(row.article_id) as ArticleSummary,
      }));
    },
  };
}
