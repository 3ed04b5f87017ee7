/**
 * The favorites page reads every column it shows from one index: `favorites_page` held only
 * the sort key, so each of a page's rows cost a primary-key lookup in `favorites` for its
 * note, public flag and their HLCs. The covering index replaces it (same leading columns,
 * so every query that used it still can). The note goes last: a long one spills into
 * overflow pages, read only for rows that have it.
 */
import type { Kysely, Migration } from 'kysely';

export const favoritesPageCovering: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('favorites_page_covering')
      .on('favorites')
      .columns(['user_id', 'saved', 'saved_hlc', 'article_id', 'public', 'public_hlc', 'note_hlc', 'note'])
      .execute();
    await db.schema.dropIndex('favorites_page').execute();
  },
};
