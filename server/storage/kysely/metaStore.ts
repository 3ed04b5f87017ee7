import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { MetaStore } from '../types';

export const HLC_HIGH_WATER_KEY = 'hlc_high_water';

export function metaStore(db: Kysely<Database>): MetaStore {
  return {
    async hlcHighWater() {
      const row = await db.selectFrom('server_meta').select('value').where('key', '=', HLC_HIGH_WATER_KEY).executeTakeFirst();
      return row?.value ?? null;
    },
    async raiseHlcHighWater(hlc) {
      // HLC strings sort like their timestamps (byte order; PostgreSQL needs COLLATE "C").
      await db
        .insertInto('server_meta')
        .values({ key: HLC_HIGH_WATER_KEY, value: hlc })
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))
            .where((eb) => eb('excluded.value', '>', eb.ref('server_meta.value'))),
        )
        .execute();
    },
  };
}
