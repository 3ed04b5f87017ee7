/**
 * PostgreSQL mirror of the SQLite 0003_favorites_page_covering, by name only. On SQLite the
 * page index was widened to cover every column the page shows, note included. A PostgreSQL
 * B-tree entry must fit in about 2,700 bytes and a note may be 10,000 characters, so the
 * note cannot be in the index, and without it the page reads the table rows anyway: covering
 * the other columns would only make the index bigger. The index keeps the page's sort key
 * under the SQLite name, so both databases have the same indexes.
 */
import type { Kysely, Migration } from 'kysely';
import { runStatements } from './runStatements';

export const favoritesPageCovering: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await runStatements(db, ['alter index favorites_page rename to favorites_page_covering']);
  },
};
