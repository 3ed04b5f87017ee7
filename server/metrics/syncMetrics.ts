/**
 * Sync traffic: pushes and pulls by outcome, mutations by what the push did with them, and pull
 * lag. Outcomes are `ok` or the contract's error code (a bounded set), so a 409 gap, a 403
 * foreign client or a 503 rollback can each be watched. Requests refused before the handler
 * (401, 426, a body that does not parse) are not pushes: http_requests_total counts those.
 *
 * Pull lag: for each space in a pull's cursor, the space's current version minus the cursor's
 * version, read in the pull's transaction. 0 means the device was up to date, 1 that it pulled
 * right after one commit (what a poke triggers); large values are devices catching up after
 * being away. A first pull (no position for the space yet) is not a lag and is not observed.
 */
import { Counter, Histogram, type Registry } from 'prom-client';
import { ApiError, type MutationResult, type PullResponse, type PushResponse } from '../../src/contract';
import { PULL_LAG_BUCKETS_VERSIONS } from './buckets';

/** Told how many versions behind its space a puller's cursor was. */
export type PullLagObserver = (versionsBehind: number) => void;

export interface SyncMetrics {
  /** Runs one push, counting its outcome and, when it succeeds, each mutation's status. */
  push(work: () => Promise<PushResponse>): Promise<PushResponse>;
  /** Runs one pull, counting its outcome. */
  pull(work: () => Promise<PullResponse>): Promise<PullResponse>;
  /** Undefined when metrics are off, so the pull skips reading the space's version. */
  readonly pullLag: PullLagObserver | undefined;
}

const OK = 'ok';

function outcomeOf(error: unknown): string {
  // Anything that is not a contract error becomes a 500 `internal` at the edge.
  return error instanceof ApiError ? error.code : 'internal';
}

async function counted<T>(count: (outcome: string) => void, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    count(outcomeOf(error));
    throw error;
  }
  count(OK);
  return result;
}

export function createSyncMetrics(registry: Registry): SyncMetrics {
  const registers = [registry];
  const pushes = new Counter({
    name: 'sync_pushes_total',
    help: 'Sync pushes handled, by outcome: ok, or the error code answered (conflict = a gap in mutation ids, unavailable = rolled back).',
    labelNames: ['outcome'] as const,
    registers,
  });
  const pulls = new Counter({
    name: 'sync_pulls_total',
    help: 'Sync pulls handled (one per page), by outcome: ok, or the error code answered.',
    labelNames: ['outcome'] as const,
    registers,
  });
  const mutations = new Counter({
    name: 'sync_mutations_total',
    help: 'Pushed mutations by status: applied (changed something), noop (duplicate or no change), rejected (invalid or unknown article).',
    labelNames: ['status'] as const,
    registers,
  });
  const lag = new Histogram({
    name: 'sync_pull_lag_versions',
    help: "Space version minus the version of the puller's cursor, per space, at pull time (first pulls excluded).",
    buckets: [...PULL_LAG_BUCKETS_VERSIONS],
    registers,
  });
  const byStatus: Record<MutationResult['status'], Counter.Internal> = {
    applied: mutations.labels('applied'),
    noop: mutations.labels('noop'),
    rejected: mutations.labels('rejected'),
  };
  // Every status and the ok outcomes exist from the start at 0, so ratios over them are defined.
  for (const status of Object.keys(byStatus)) mutations.inc({ status }, 0);
  pushes.inc({ outcome: OK }, 0);
  pulls.inc({ outcome: OK }, 0);
  const countPush = (outcome: string) => pushes.labels(outcome).inc();
  const countPull = (outcome: string) => pulls.labels(outcome).inc();

  return {
    async push(work) {
      const response = await counted(countPush, work);
      for (const result of response.results) byStatus[result.status].inc();
      return response;
    },
    pull: (work) => counted(countPull, work),
    pullLag: (versionsBehind) => lag.observe(versionsBehind),
  };
}
