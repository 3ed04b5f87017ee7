/**
 * Turns favorites page rows straight into the API's `Favorite`, with no intermediate
 * FavoriteRecord per row: the page is the hottest read, and what it needs of the tag
 * registers (the latest HLC, the active tags) is stored on the favorite row (schema.ts).
 * Same view as core's `favoriteFields`: savedAt is the saved register's wall time, updatedAt
 * the latest register's, tags included.
 */
import type { ArticleSummary, Favorite } from '../../../src/contract';
import { parseHlc } from '../../../src/core/hlc';
import { isoTime } from '../../../src/core/isoTime';

/** Column positions of a page row (`.raw()` rows: arrays, one allocation fewer per row). */
export const PAGE_ROW = {
  articleId: 0,
  savedHlc: 1,
  note: 2,
  noteHlc: 3,
  public: 4,
  publicHlc: 5,
  /** The latest tag register's HLC, `''` with none. */
  tagsHlc: 6,
  /** The active tags, sorted, comma-separated. */
  activeTags: 7,
} as const;

export type PageRow = [string, string, string, string, number, string, string, string];

/** The `favorites` columns a page row holds, in PAGE_ROW's order. */
export const PAGE_ROW_FIELDS = [
  'article_id', 'saved_hlc', 'note', 'note_hlc', 'public', 'public_hlc', 'tags_hlc', 'active_tags',
] as const;

/** PAGE_ROW_FIELDS as a select list on the table alias `f` (the adapters' own page statements). */
export const PAGE_ROW_COLUMNS = PAGE_ROW_FIELDS.map((field) => `f.${field}`).join(', ');

/** An HLC starts with its wall time as 15 zero-padded digits and a dash (core/hlc.ts). */
const HLC_WALL_DIGITS = 15;
const DASH = 0x2d;

/**
 * ISO time of an HLC's wall clock. The fast path slices the fixed-width wall field; anything
 * not shaped like an HLC goes through `parseHlc`, which throws. `''` (never written) is the epoch.
 */
export function hlcIso(hlc: string): string {
  if (hlc === '') return isoTime(0);
  const wallMs = hlc.charCodeAt(HLC_WALL_DIGITS) === DASH ? Number(hlc.slice(0, HLC_WALL_DIGITS)) : Number.NaN;
  return isoTime(Number.isSafeInteger(wallMs) ? wallMs : parseHlc(hlc).wallMs);
}

/** Later of two HLC strings (they order as strings; `''` is the earliest). */
function later(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * Active tags in the order core's `activeTags` gives (JavaScript's default sort). Written in
 * that order, but sorted again: rows the migration filled were ordered by the database.
 */
function sortedTags(list: string): string[] {
  if (list === '') return [];
  const tags = list.split(',');
  if (tags.length > 1) tags.sort();
  return tags;
}

/** One favorite of the page. Tags never contain a comma (the contract's Tag schema). */
export function pageRowToFavorite(row: PageRow, article: ArticleSummary): Favorite {
  const savedHlc = row[PAGE_ROW.savedHlc];
  const latest = later(later(later(savedHlc, row[PAGE_ROW.noteHlc]), row[PAGE_ROW.publicHlc]), row[PAGE_ROW.tagsHlc]);
  return {
    articleId: row[PAGE_ROW.articleId],
    savedAt: hlcIso(savedHlc),
    updatedAt: hlcIso(latest),
    note: row[PAGE_ROW.note],
    public: row[PAGE_ROW.public] === 1,
    tags: sortedTags(row[PAGE_ROW.activeTags]),
    // No favorite is in a collection until collections exist (a later phase).
    collectionIds: [],
    article,
  };
}
