import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { SpaceStore } from '../types';

export function spaceStore(db: Kysely<Database>): SpaceStore {
  return {
    async ensure(spaceId) {
      await db.insertInto('spaces').values({ id: spaceId, version: 0 }).onConflict((oc) => oc.column('id').doNothing()).execute();
    },
    async bump(spaceId) {
      // One statement: the row lock (PostgreSQL) or the write lock (SQLite) serialises writers
      // of a space, so commit order equals version order and a puller never skips a row.
      const row = await db
        .insertInto('spaces')
        .values({ id: spaceId, version: 1 })
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ version: eb('spaces.version', '+', 1) })))
        .returning('version')
        .executeTakeFirstOrThrow();
      return row.version;
    },
    async version(spaceId) {
      const row = await db.selectFrom('spaces').select('version').where('id', '=', spaceId).executeTakeFirst();
      return row?.version ?? 0;
    },
  };
}
