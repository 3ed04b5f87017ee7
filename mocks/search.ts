/**
 * The mock's stand-in for full-text search: every word of the query must occur, case-insensitively,
 * somewhere in the searched text. Words are split the way the server splits them (letters and
 * digits only, at most 8), so query syntax characters never matter.
 */
export const SEARCH_TERMS_MAX = 8;

export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const words = q.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, SEARCH_TERMS_MAX);
}

/** Lower-cased searchable text of HTML: tags become spaces. */
export function searchableText(...parts: readonly string[]): string {
  return parts.join(' ').replace(/<[^>]*>/g, ' ').normalize('NFKC').toLowerCase();
}

export function matchesAll(text: string, terms: readonly string[]): boolean {
  return terms.every((term) => text.includes(term));
}
