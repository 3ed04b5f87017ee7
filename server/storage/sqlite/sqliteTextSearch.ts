/** Text search on SQLite: FTS5 over the catalogue, LIKE (ASCII case-insensitive) elsewhere. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { ArticleTextColumn, TextSearch } from '../kysely/textSearch';

/**
 * An FTS5 MATCH expression in which every term is a quoted prefix token, restricted to the
 * given columns: `{title excerpt} : ("rust"* AND "async"*)`. Terms are letters and digits
 * only (searchTerms), and quoting makes FTS5 keywords such as AND plain words; a double quote
 * is still doubled in case a caller passes raw text.
 */
export function ftsMatchExpression(terms: readonly string[], columns: readonly ArticleTextColumn[]): string {
  const phrases = terms.map((term) => `"${term.replace(/"/g, '""')}"*`).join(' AND ');
  return `{${columns.join(' ')}} : (${phrases})`;
}

/** `%`, `_` and the escape character itself match literally. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const sqliteTextSearch: TextSearch = {
  articleMatches(articleId, terms, columns): Expression<SqlBool> {
    if (terms.length === 0) return sql<SqlBool>`0`;
    const match = ftsMatchExpression(terms, columns);
    return sql<SqlBool>`${articleId} in (select id from articles where seq in (select rowid from articles_fts where articles_fts match ${match}))`;
  },
  contains(text, term): Expression<SqlBool> {
    return sql<SqlBool>`${text} like ${likePattern(term)} escape '\\'`;
  },
};
