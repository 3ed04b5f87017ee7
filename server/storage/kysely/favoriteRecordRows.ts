/** Conversions between favorite rows and the core's FavoriteRecord (registers). */
import type { Register } from '../../../src/core/lww';
import { activeTags, type FavoriteRecord } from '../../../src/core/favoriteRecord';
import type { FavoriteTagsTable, FavoritesTable } from '../schema';
import type { BulkFavorite } from '../types';

/** A favorite's registers as the queries select them: the table row without owner, version and tag summary. */
export type FavoriteRegisterRow = Omit<FavoritesTable, 'user_id' | 'version' | 'tags_hlc' | 'active_tags'>;

/** The summary columns of a favorite row. */
export type TagSummaryColumns = Pick<FavoritesTable, 'tags_hlc' | 'active_tags'>;

/** A tag register as the queries select it. */
export type TagRegisterRow = Omit<FavoriteTagsTable, 'user_id' | 'version'>;

export function toFavoriteRecord(row: FavoriteRegisterRow, tagRows: readonly TagRegisterRow[]): FavoriteRecord {
  const tags: Record<string, Register<boolean>> = {};
  for (const tagRow of tagRows) tags[tagRow.tag] = { value: tagRow.active === 1, hlc: tagRow.hlc };
  return {
    articleId: row.article_id,
    saved: { value: row.saved === 1, hlc: row.saved_hlc },
    note: { value: row.note, hlc: row.note_hlc },
    public: { value: row.public === 1, hlc: row.public_hlc },
    tags,
  };
}

/** Groups tag rows by article id. */
export function tagsByArticle<T extends TagRegisterRow>(rows: readonly T[]): Map<string, T[]> {
  const byArticle = new Map<string, T[]>();
  for (const row of rows) {
    const list = byArticle.get(row.article_id);
    if (list) list.push(row);
    else byArticle.set(row.article_id, [row]);
  }
  return byArticle;
}

/** True when the favorite's own registers (not its tags) differ. */
export function favoriteRegistersChanged(before: FavoriteRecord | null, after: FavoriteRecord): boolean {
  return (
    before === null ||
    before.saved.hlc !== after.saved.hlc ||
    before.note.hlc !== after.note.hlc ||
    before.public.hlc !== after.public.hlc
  );
}

/** Tags whose register differs between the two records. */
export function changedTags(before: FavoriteRecord | null, after: FavoriteRecord): [string, Register<boolean>][] {
  return Object.entries(after.tags).filter(([tag, register]) => before?.tags[tag]?.hlc !== register.hlc);
}

/**
 * What a favorite row stores about its tag registers (schema.ts): the latest HLC of any of
 * them, and the active tags sorted and joined by commas (the contract's Tag has none).
 */
export function tagSummary(record: FavoriteRecord): TagSummaryColumns {
  let latest = '';
  for (const register of Object.values(record.tags)) if (register.hlc > latest) latest = register.hlc;
  return { tags_hlc: latest, active_tags: activeTags(record).join(',') };
}

/** The same summary for a bulk-loaded favorite: each of its tags on, written at its save. */
export function bulkTagSummary(favorite: BulkFavorite): TagSummaryColumns {
  const tags = [...new Set(favorite.tags ?? [])].sort();
  return { tags_hlc: tags.length > 0 ? favorite.savedHlc : '', active_tags: tags.join(',') };
}
