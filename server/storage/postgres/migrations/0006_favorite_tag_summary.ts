/**
 * PostgreSQL mirror of the SQLite 0006_favorite_tag_summary (why: see there): each favorite
 * row carries its tag registers' latest HLC and its active tags, so the page reads no
 * `favorite_tags` row. Adding a column with a constant default rewrites nothing here; the
 * update then fills the favorites that have tags. The indexes stay (not covering: see 0003).
 */
import type { Kysely, Migration } from 'kysely';
import { runStatements } from './runStatements';

export const favoriteTagSummary: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await runStatements(db, [
      `alter table favorites add column tags_hlc text collate "C" not null default ''`,
      `alter table favorites add column active_tags text collate "C" not null default ''`,
      `update favorites f set tags_hlc = s.tags_hlc, active_tags = s.active_tags
       from (select user_id, article_id, max(hlc) as tags_hlc,
               coalesce(string_agg(tag, ',' order by tag) filter (where active = 1), '') as active_tags
             from favorite_tags group by user_id, article_id) s
       where f.user_id = s.user_id and f.article_id = s.article_id`,
    ]);
  },
};
