import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { MetaStore } from '../types';
import { preparedQuery, type PreparedQueries } from './preparedQuery';

const raiseSpaceHlc = preparedQuery((db, p: { spaceId: string; hlc: string }) =>
  db.updateTable('spaces').set({ hlc_high: p.hlc }).where('id', '=', p.spaceId).where('hlc_high', '<', p.hlc),
);

/** The deployment-wide mark (bulk loads raise it); writes raise their space's `hlc_high`. */
export const HLC_HIGH_WATER_KEY = 'hlc_high_water';

export function metaStore(db: Kysely<Database>, queries: PreparedQueries): MetaStore {
  return {
    async hlcHighWater() {
      // Once, at start: a scan of `spaces` (one row per user or collection) is cheap.
      const [meta, spaces] = await Promise.all([
        db.selectFrom('server_meta').select('value').where('key', '=', HLC_HIGH_WATER_KEY).executeTakeFirst(),
        db.selectFrom('spaces').select((eb) => eb.fn.max('hlc_high').as('high')).executeTakeFirst(),
      ]);
      // HLC strings sort like their timestamps (byte order; PostgreSQL columns are COLLATE "C").
      const high = [meta?.value ?? '', spaces?.high ?? ''].reduce((a, b) => (b > a ? b : a));
      return high === '' ? null : high;
    },
    async raiseHlcHighWater(spaceId, hlc) {
      await queries.run(raiseSpaceHlc, db, { spaceId, hlc });
    },
  };
}
