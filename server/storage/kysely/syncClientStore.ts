import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { SyncClientStore } from '../types';
import { preparedQuery, type PreparedQueries } from './preparedQuery';

const getClient = preparedQuery((db, p: { clientId: string }) =>
  db.selectFrom('sync_clients').select(['client_id', 'user_id', 'last_mutation_id']).where('client_id', '=', p.clientId),
);

const createClient = preparedQuery((db, p: { clientId: string; userId: string; nowMs: number }) =>
  db
    .insertInto('sync_clients')
    .values({ client_id: p.clientId, user_id: p.userId, last_mutation_id: 0, created_at_ms: p.nowMs, last_seen_at_ms: p.nowMs }),
);

const advanceClient = preparedQuery((db, p: { clientId: string; lastMutationId: number; nowMs: number }) =>
  db
    .updateTable('sync_clients')
    .set({ last_mutation_id: p.lastMutationId, last_seen_at_ms: p.nowMs })
    .where('client_id', '=', p.clientId),
);

export function syncClientStore(db: Kysely<Database>, queries: PreparedQueries): SyncClientStore {
  return {
    async get(clientId) {
      const row = await queries.first(getClient, db, { clientId });
      return row ? { clientId: row.client_id, userId: row.user_id, lastMutationId: row.last_mutation_id } : null;
    },
    async create(clientId, userId, nowMs) {
      await queries.run(createClient, db, { clientId, userId, nowMs });
      return { clientId, userId, lastMutationId: 0 };
    },
    async advance(clientId, lastMutationId, nowMs) {
      await queries.run(advanceClient, db, { clientId, lastMutationId, nowMs });
    },
  };
}
