import type { Kysely, Selectable } from 'kysely';
import type { AuthTokensTable, Database } from '../schema';
import type { StoredToken, TokenStore } from '../types';
import { preparedQuery, type PreparedQueries } from './preparedQuery';

/** Every authenticated request runs this. */
const findActiveToken = preparedQuery((db, p: { tokenHash: string; nowMs: number }) =>
  db
    .selectFrom('auth_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('t')
    .select(['u.username', 'u.password_hash', 'u.created_at_ms as user_created_at_ms'])
    .where('t.token_hash', '=', p.tokenHash)
    .where((eb) => eb.or([eb('t.expires_at_ms', 'is', null), eb('t.expires_at_ms', '>', p.nowMs)])),
);

const touchToken = preparedQuery((db, p: { tokenHash: string; lastUsedAtMs: number; expiresAtMs: number | null }) =>
  db
    .updateTable('auth_tokens')
    .set({ last_used_at_ms: p.lastUsedAtMs, expires_at_ms: p.expiresAtMs })
    .where('token_hash', '=', p.tokenHash),
);

function toStoredToken(row: Selectable<AuthTokensTable>): StoredToken {
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    kind: row.kind,
    name: row.name,
    createdAtMs: row.created_at_ms,
    lastUsedAtMs: row.last_used_at_ms,
    expiresAtMs: row.expires_at_ms,
  };
}

export function tokenStore(db: Kysely<Database>, queries: PreparedQueries): TokenStore {
  return {
    async create(token) {
      await db
        .insertInto('auth_tokens')
        .values({
          token_hash: token.tokenHash,
          user_id: token.userId,
          kind: token.kind,
          name: token.name,
          created_at_ms: token.createdAtMs,
          last_used_at_ms: token.lastUsedAtMs,
          expires_at_ms: token.expiresAtMs,
        })
        .execute();
    },
    async findActive(tokenHash, nowMs) {
      const row = await queries.first(findActiveToken, db, { tokenHash, nowMs });
      if (!row) return null;
      return {
        token: toStoredToken(row),
        user: { id: row.user_id, username: row.username, passwordHash: row.password_hash, createdAtMs: row.user_created_at_ms },
      };
    },
    async touch(tokenHash, lastUsedAtMs, expiresAtMs) {
      await queries.run(touchToken, db, { tokenHash, lastUsedAtMs, expiresAtMs });
    },
    async revoke(tokenHash) {
      await db.deleteFrom('auth_tokens').where('token_hash', '=', tokenHash).execute();
    },
    async deleteExpired(nowMs) {
      const result = await db.deleteFrom('auth_tokens').where('expires_at_ms', '<=', nowMs).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
