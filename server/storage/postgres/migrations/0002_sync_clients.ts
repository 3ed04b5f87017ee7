/**
 * PostgreSQL mirror of the SQLite 0002_sync_clients: one row per sync client (a device's
 * outbox) with its owner and the last mutation id processed, which makes pushes exactly-once.
 */
import type { Kysely, Migration } from 'kysely';
import { runStatements } from './runStatements';

export const syncClients: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await runStatements(db, [
      `create table sync_clients (
        client_id text collate "C" primary key,
        user_id text collate "C" not null references users (id) on delete cascade,
        last_mutation_id bigint not null default 0,
        created_at_ms bigint not null,
        last_seen_at_ms bigint not null
      )`,
      // A user's devices (listing, purging clients of a deleted account).
      'create index sync_clients_by_user on sync_clients (user_id)',
    ]);
  },
};
