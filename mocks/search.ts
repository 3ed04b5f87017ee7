/**
 * The mock's stand-in for full-text search: every word of the query must occur, case-insensitively,
 * somewhere in the searched text. Words are split the way the server splits them (letters and
 * digits only, at most 8) by the same `searchTerms` the server uses.
 */
export { searchTerms } from '../src/core/searchTerms';

/** Lower-cased searchable text of HTML: tags become spaces. */
export function searchableText(...parts: readonly string[]): string {
  return parts.join(' ').replace(/<[^>]*>/g, ' ').normalize('NFKC').toLowerCase();
}

export function matchesAll(text: string, terms: readonly string[]): boolean {
  return terms.every((term) => text.includes(term));
}
