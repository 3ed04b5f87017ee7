/**
 * Text search on PostgreSQL: the catalogue through `articles.search_vector` (tsvector, GIN
 * index, migration 0001), elsewhere ILIKE. Observable results match the SQLite adapter's FTS5:
 * every term must occur as a word prefix in the chosen columns, case and diacritics folded
 * (`search_fold` on both sides). Columns map to the tsvector weights the migration gives them.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { ArticleTextColumn, TextSearch } from '../kysely/textSearch';

const COLUMN_WEIGHT: Record<ArticleTextColumn, string> = { title: 'A', excerpt: 'B', body: 'C' };

/**
 * A to_tsquery text in which every term is a quoted prefix restricted to the columns' weights:
 * `'rust':*AB & 'async':*AB`. Terms are letters and digits (searchTerms), and quoting makes
 * `&`, `|`, `!` or `<->` plain text; quotes and backslashes are still escaped in case a
 * caller passes raw text.
 */
export function tsqueryText(terms: readonly string[], columns: readonly ArticleTextColumn[]): string {
  const weights = [...new Set(columns.map((column) => COLUMN_WEIGHT[column]))].sort().join('');
  return terms.map((term) => `'${term.replace(/['\\]/g, (c) => `\\${c}`)}':*${weights}`).join(' & ');
}

/** `%`, `_` and the escape character itself match literally. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const postgresTextSearch: TextSearch = {
  articleMatches(articleId, terms, columns): Expression<SqlBool> {
    if (terms.length === 0 || columns.length === 0) return sql<SqlBool>`false`;
    // Folding the whole query text lower-cases the weight letters too, which tsquery accepts.
    const query = sql`to_tsquery('simple', search_fold(${tsqueryText(terms, columns)}))`;
    return sql<SqlBool>`${articleId} in (select id from articles where search_vector @@ ${query})`;
  },
  contains(text, term): Expression<SqlBool> {
    return sql<SqlBool>`${text} ilike ${likePattern(term)} escape '\\'`;
  },
};
