/**
 * What differs between databases in text search: SQLite answers with FTS5 and LIKE,
 * PostgreSQL (Phase 2) with tsvector and ILIKE. Terms come from `searchTerms`: plain words.
 */
import type { Expression, SqlBool } from 'kysely';

export type ArticleTextColumn = 'title' | 'excerpt' | 'body';

export interface TextSearch {
  /** True when the article with this id contains every term, as word prefixes, in `columns`. */
  articleMatches(articleId: Expression<string>, terms: readonly string[], columns: readonly ArticleTextColumn[]): Expression<SqlBool>;
  /** Case-insensitive substring test. */
  contains(text: Expression<string>, term: string): Expression<SqlBool>;
}
