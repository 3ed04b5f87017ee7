import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { SyncClientStore } from '../types';

export function syncClientStore(db: Kysely<Database>): SyncClientStore {
  return {
    async get(clientId) {
      const row = await db
        .selectFrom('sync_clients')
        .select(['client_id', 'user_id', 'last_mutation_id'])
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      return row ? { clientId: row.client_id, userId: row.user_id, lastMutationId: row.last_mutation_id } : null;
    },
    async create(clientId, userId, nowMs) {
      await db
        .insertInto('sync_clients')
        .values({ client_id: clientId, user_id: userId, last_mutation_id: 0, created_at_ms: nowMs, last_seen_at_ms: nowMs })
        .execute();
      return { clientId, userId, lastMutationId: 0 };
    },
    async advance(clientId, lastMutationId, nowMs) {
      await db
        .updateTable('sync_clients')
        .set({ last_mutation_id: lastMutationId, last_seen_at_ms: nowMs })
        .where('client_id', '=', clientId)
        .execute();
    },
  };
}
