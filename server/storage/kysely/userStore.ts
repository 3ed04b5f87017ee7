import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from '../schema';
import type { StoredUser, UserStore } from '../types';
import { isUniqueViolation } from './isUniqueViolation';
import { preparedQuery, type PreparedQueries } from './preparedQuery';

const findUserById = preparedQuery((db, p: { id: string }) => db.selectFrom('users').selectAll().where('id', '=', p.id));

export function toStoredUser(row: Selectable<UsersTable>): StoredUser {
  return { id: row.id, username: row.username, passwordHash: row.password_hash, createdAtMs: row.created_at_ms };
}

export function userStore(db: Kysely<Database>, queries: PreparedQueries): UserStore {
  return {
    async create(user) {
      try {
        await db
          .insertInto('users')
          .values({ id: user.id, username: user.username, password_hash: user.passwordHash, created_at_ms: user.createdAtMs })
          .execute();
        return 'created';
      } catch (error) {
        if (isUniqueViolation(error)) return 'username_taken';
        throw error;
      }
    },
    async findByUsername(username) {
      const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      return row ? toStoredUser(row) : null;
    },
    async findById(id) {
      const row = await queries.first(findUserById, db, { id });
      return row ? toStoredUser(row) : null;
    },
  };
}
