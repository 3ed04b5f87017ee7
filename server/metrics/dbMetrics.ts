/**
 * Database query time, fed by the storage adapter's `onQuery` observer (Kysely's per-query
 * timing, plus the SQLite favorites-page fast path). No labels: the statement text would be
 * unbounded, and the slow request's route already shows in http_request_duration_seconds.
 */
import { Histogram, type Registry } from 'prom-client';
import type { QueryObserver } from '../storage/types';
import { DB_QUERY_DURATION_BUCKETS_S } from './buckets';

const MS_PER_S = 1_000;

export function createQueryObserver(registry: Registry): QueryObserver {
  const duration = new Histogram({
    name: 'db_query_duration_seconds',
    help: 'Time of each database query (transaction statements included), in seconds.',
    buckets: [...DB_QUERY_DURATION_BUCKETS_S],
    registers: [registry],
  });
  return (durationMs) => duration.observe(durationMs / MS_PER_S);
}
