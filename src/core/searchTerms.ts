/**
 * Splits a user's search text into plain words (letters and digits only). Every query
 * language character (`"`, `*`, `-`, `:`, `^`, parentheses, `%`, `_`) is a separator, and
 * words are later quoted, so `AND`, `NOT` or `NEAR` are just words: user input can never
 * change the shape of a full-text or LIKE query.
 */

/** Words beyond this are ignored: each one costs a sub-query. */
export const SEARCH_TERMS_MAX = 8;

export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const words = q.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, SEARCH_TERMS_MAX);
}
