/**
 * PostgreSQL mirror of the SQLite 0004_public_favorites: a partial index holding only the
 * favorites that are saved and public, so a user's public page is one short range scan,
 * newest saved first, however few of their favorites are public. The queries spell the
 * predicate with literals (`saved = 1 and public = 1`), which PostgreSQL's planner matches
 * too. Not covering, unlike SQLite's: a 10,000-character note does not fit in a B-tree entry
 * (see 0003), and without it the page reads the table rows anyway.
 */
import type { Kysely, Migration } from 'kysely';
import { runStatements } from './runStatements';

export const publicFavorites: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await runStatements(db, [
      'create index favorites_public_page on favorites (user_id, saved_hlc, article_id) where saved = 1 and public = 1',
    ]);
  },
};
