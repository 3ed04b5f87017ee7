/**
 * Transactions on PostgreSQL run at REPEATABLE READ and are retried when PostgreSQL aborts
 * them for a concurrent update. Why not READ COMMITTED (pg's default): the write path reads a
 * favorite's registers, merges a patch and writes them back. Under READ COMMITTED two pushes to
 * one favorite both read it before either commits; the second waits on the space row lock
 * (the version bump), then writes back its merge of a stale read and erases the first's newer
 * register: a lost update, and replicas diverge. At REPEATABLE READ the second one's version
 * bump fails instead (SQLSTATE 40001) and the whole transaction runs again on fresh data,
 * which serialises writers of a space as SQLite's single writer does. Reads get one snapshot
 * for the whole transaction too, as the pull's "lastMutationId and changes together" needs.
 * Consequence for callers: `work` may run more than once, so it must not have effects
 * outside the transaction that cannot be repeated.
 */
import type { Kysely, Transaction } from 'kysely';

/** Attempts before the failure is passed on (the push route answers 503, and clients retry). */
export const TRANSACTION_ATTEMPTS_MAX = 10;
/** serialization_failure and deadlock_detected: the transaction did nothing and may run again. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

export function isRetryableTransactionError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RETRYABLE_SQLSTATES.has(String((error as { code?: unknown }).code));
}

export async function repeatableReadTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().setIsolationLevel('repeatable read').execute(work);
    } catch (error) {
      // The other transaction has committed by the time PostgreSQL reports the conflict, so
      // running again at once sees its writes; no back-off needed.
      if (attempt >= TRANSACTION_ATTEMPTS_MAX || !isRetryableTransactionError(error)) throw error;
    }
  }
}
