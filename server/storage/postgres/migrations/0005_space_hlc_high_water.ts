/** PostgreSQL mirror of the SQLite 0005_space_hlc_high_water (why: see there); byte order like every HLC column. */
import type { Kysely, Migration } from 'kysely';
import { runStatements } from './runStatements';

export const spaceHlcHighWater: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await runStatements(db, [`alter table spaces add column hlc_high text collate "C" not null default ''`]);
  },
};
