/**
 * A user's public page lists their saved favorites marked public, newest saved first. A
 * partial index holds only those rows, so the page is one short range scan whatever share of
 * the user's 20,000 favorites is public (the page index would scan past every private one).
 * Covering, like the page index (0003), so a page reads no table row; `saved` and `public`
 * are key columns (constant in it) so SQLite's planner, counting equality terms, prefers it
 * to the page index without statistics.
 * Queries must spell the predicate with literals (`saved = 1 and public = 1`) for SQLite to
 * use it.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const publicFavorites: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('favorites_public_page')
      .on('favorites')
      .columns(['user_id', 'saved', 'public', 'saved_hlc', 'article_id', 'public_hlc', 'note_hlc', 'note'])
      .where(sql.ref('saved'), '=', sql.lit(1))
      .where(sql.ref('public'), '=', sql.lit(1))
      .execute();
  },
};
