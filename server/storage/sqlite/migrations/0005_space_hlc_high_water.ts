/**
 * The HLC high-water mark moves to each space's row. One `server_meta` row raised by every
 * write made all writers of all users wait for each other (on PostgreSQL at REPEATABLE READ,
 * conflicts and retries); the space row is already locked by the transaction's version bump,
 * so raising it there costs no extra contention. The server's clock starts from the largest
 * of all of them (and of the old `server_meta` mark, which bulk loads still raise).
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const spaceHlcHighWater: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('spaces')
      .addColumn('hlc_high', 'text', (c) => c.notNull().defaultTo(sql.lit('')))
      .execute();
  },
};
