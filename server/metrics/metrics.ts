/**
 * The server's metrics, one set per server instance: each has its own prom-client Registry
 * (never the global default one), so several servers in one process (tests, benchmarks) keep
 * separate counts. The default process metrics come along: memory, CPU, event-loop lag, GC,
 * file descriptors. When metrics are off, NO_METRICS stands in: the same calls, doing nothing,
 * and no hooks installed.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { QueryObserver } from '../storage/types';
import { createQueryObserver } from './dbMetrics';
import { createHttpMetrics, type HttpMetrics } from './httpMetrics';
import { registerMemoryLimitGauge } from './memoryLimitGauge';
import { createRealtimeMetrics, type RealtimeMetrics } from './realtimeMetrics';
import { createSyncMetrics, type SyncMetrics } from './syncMetrics';

export interface Metrics {
  /** What /metrics exposes; null when metrics are off. */
  readonly registry: Registry | null;
  readonly http: HttpMetrics;
  readonly sync: SyncMetrics;
  readonly realtime: RealtimeMetrics;
  /** For the storage adapter's open function; undefined when metrics are off (nothing timed). */
  readonly onQuery: QueryObserver | undefined;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerMemoryLimitGauge(registry);
  return {
    registry,
    http: createHttpMetrics(registry),
    sync: createSyncMetrics(registry),
    realtime: createRealtimeMetrics(registry),
    onQuery: createQueryObserver(registry),
  };
}

const nothing = () => {};

export const NO_METRICS: Metrics = {
  registry: null,
  http: { observe: nothing },
  sync: { push: (work) => work(), pull: (work) => work(), pullLag: undefined },
  realtime: { opened: nothing, closed: nothing },
  onQuery: undefined,
};
