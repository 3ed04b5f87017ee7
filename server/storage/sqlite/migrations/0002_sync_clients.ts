/**
 * Phase 3: sync clients. Each row remembers the last mutation id processed for one client
 * (Replicache's lastMutationID), which makes pushes exactly-once, and which user the client
 * belongs to (the first one that used it), so no user replays another's outbox.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const syncClients: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('sync_clients')
      .addColumn('client_id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('last_mutation_id', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at_ms', 'integer', (c) => c.notNull())
      .addColumn('last_seen_at_ms', 'integer', (c) => c.notNull())
      .modifyEnd(sql`without rowid`)
      .execute();
    // A user's devices (listing, purging clients of a deleted account).
    await db.schema.createIndex('sync_clients_by_user').on('sync_clients').column('user_id').execute();
  },
};
