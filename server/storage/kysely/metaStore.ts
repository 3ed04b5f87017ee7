import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { MetaStore } from '../types';

/** The deployment-wide mark (bulk loads raise it); writes raise their space's `hlc_high`. */
export const HLC_HIGH_WATER_KEY = 'hlc_high_water';

export function metaStore(db: Kysely<Database>): MetaStore {
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
      await db.updateTable('spaces').set({ hlc_high: hlc }).where('id', '=', spaceId).where('hlc_high', '<', hlc).execute();
    },
  };
}
