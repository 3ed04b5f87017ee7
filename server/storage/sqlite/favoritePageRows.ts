/**
 * Turns the favorites page statement's raw rows straight into the API's `Favorite`, with no
 * intermediate FavoriteRecord per row: the page is the hottest read, and the registers it
 * needs (the saved time, the latest write of any register, the active tags) come out of
 * SQL already reduced. Same view as core's `favoriteFields`: savedAt is the saved
 * register's wall time, updatedAt the latest register's, tags included.
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
  /** `'<latest tag HLC> <active tags, comma-separated>'`, or null with no tag registers. */
  tagSummary: 6,
} as const;

export type PageRow = [string, string, string, string, number, string, string | null];

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

/** Active tags in the order core's `activeTags` gives (JavaScript's default sort). */
function sortedTags(list: string): string[] {
  if (list === '') return [];
  const tags = list.split(',');
  if (tags.length > 1) tags.sort();
  return tags;
}

/**
 * One favorite of the page. Tags never contain a comma or whitespace (the contract's Tag
 * schema), and HLCs never a space, so the tag summary splits unambiguously.
 */
export function pageRowToFavorite(row: PageRow, article: ArticleSummary): Favorite {
  const savedHlc = row[PAGE_ROW.savedHlc];
  let latest = later(later(savedHlc, row[PAGE_ROW.noteHlc]), row[PAGE_ROW.publicHlc]);
  let tags: string[] = [];
  const tagSummary = row[PAGE_ROW.tagSummary];
  if (tagSummary !== null) {
    const space = tagSummary.indexOf(' ');
    latest = later(latest, tagSummary.slice(0, space));
    tags = sortedTags(tagSummary.slice(space + 1));
  }
  return {
    articleId: row[PAGE_ROW.articleId],
    savedAt: hlcIso(savedHlc),
    updatedAt: hlcIso(latest),
    note: row[PAGE_ROW.note],
    public: row[PAGE_ROW.public] === 1,
    tags,
    // No favorite is in a collection until collections exist (a later phase).
    collectionIds: [],
    article,
  };
}
