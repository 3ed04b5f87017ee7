import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { SpaceStore } from '../types';
import { preparedQuery, type PreparedQueries } from './preparedQuery';

/**
 * One statement: the row lock (PostgreSQL) or the write lock (SQLite) serialises writers of a
 * space, so commit order equals version order and a puller never skips a row.
 */
const bumpVersion = preparedQuery((db, p: { spaceId: string }) =>
  db
    .insertInto('spaces')
    .values({ id: p.spaceId, version: 1 })
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ version: eb('spaces.version', '+', 1) })))
    .returning('version'),
);

const spaceVersion = preparedQuery((db, p: { spaceId: string }) => db.selectFrom('spaces').select('version').where('id', '=', p.spaceId));

export function spaceStore(db: Kysely<Database>, queries: PreparedQueries): SpaceStore {
  return {
    async ensure(spaceId) {
      await db.insertInto('spaces').values({ id: spaceId, version: 0 }).onConflict((oc) => oc.column('id').doNothing()).execute();
    },
    async bump(spaceId) {
      const row = await queries.first(bumpVersion, db, { spaceId });
      if (!row) throw new Error(`space ${spaceId}: the version bump returned no row`);
      return row.version;
    },
    async version(spaceId) {
      const row = await queries.first(spaceVersion, db, { spaceId });
      return row?.version ?? 0;
    },
  };
}
