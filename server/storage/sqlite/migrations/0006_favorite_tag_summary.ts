/**
 * Each favorite row carries a summary of its tag registers: `tags_hlc`, the latest HLC of any
 * of them (active or not: it moves `updatedAt`), and `active_tags`, the active ones joined by
 * commas (a tag never holds a comma). The favorites page read them with a correlated subquery
 * into `favorite_tags` per row, half of the page's SQL; now the page reads one index range.
 * `favorite_tags` stays the truth (the pull sends each register); every write of a tag
 * register rewrites its favorite's row anyway (the row carries the version), so the summary
 * is written in the same statement. Both covering indexes (0003, 0004) are rebuilt with the
 * summary before the note, which stays last because a long one spills into overflow pages.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const favoriteTagSummary: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const column of ['tags_hlc', 'active_tags']) {
      await db.schema
        .alterTable('favorites')
        .addColumn(column, 'text', (c) => c.notNull().defaultTo(sql.lit('')))
        .execute();
    }
    await sql`
      update favorites set
        tags_hlc = (select max(t.hlc) from favorite_tags t
          where t.user_id = favorites.user_id and t.article_id = favorites.article_id),
        active_tags = coalesce((select group_concat(t.tag, ',' order by t.tag) from favorite_tags t
          where t.user_id = favorites.user_id and t.article_id = favorites.article_id and t.active = 1), '')
      where exists (select 1 from favorite_tags t where t.user_id = favorites.user_id and t.article_id = favorites.article_id)`.execute(db);

    await db.schema.dropIndex('favorites_page_covering').execute();
    await db.schema
      .createIndex('favorites_page_covering')
      .on('favorites')
      .columns(['user_id', 'saved', 'saved_hlc', 'article_id', 'public', 'public_hlc', 'note_hlc', 'tags_hlc', 'active_tags', 'note'])
      .execute();
    await db.schema.dropIndex('favorites_public_page').execute();
    await db.schema
      .createIndex('favorites_public_page')
      .on('favorites')
      .columns(['user_id', 'saved', 'public', 'saved_hlc', 'article_id', 'public_hlc', 'note_hlc', 'tags_hlc', 'active_tags', 'note'])
      .where(sql.ref('saved'), '=', sql.lit(1))
      .where(sql.ref('public'), '=', sql.lit(1))
      .execute();
  },
};
