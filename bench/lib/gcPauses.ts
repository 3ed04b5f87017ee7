/**
 * Counts V8's garbage-collection pauses while a benchmark runs: in a tight loop of sub-
 * millisecond calls, a pause of a few milliseconds every few dozen calls is what sets p99.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';

export interface GcPauses {
  /** Young-generation collections (scavenges). */
  readonly minor: { readonly count: number; readonly meanMs: number; readonly maxMs: number };
  /** Full collections (mark-compact), incremental steps included. */
  readonly major: { readonly count: number; readonly meanMs: number; readonly maxMs: number };
}

export interface GcRecorder {
  stop(): Promise<GcPauses>;
}

/** Node reports a GC from a callback on the event loop, which a loop of awaits never reaches. */
const EVENT_LOOP_TURNS_TO_DRAIN = 2;

function stats(durations: readonly number[]) {
  const total = durations.reduce((sum, ms) => sum + ms, 0);
  return {
    count: durations.length,
    meanMs: durations.length > 0 ? total / durations.length : 0,
    maxMs: durations.reduce((max, ms) => Math.max(max, ms), 0),
  };
}

export function recordGcPauses(): GcRecorder {
  const minor: number[] = [];
  const major: number[] = [];
  const take = (entries: readonly PerformanceEntry[]) => {
    for (const entry of entries) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) minor.push(entry.duration);
      else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR || kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) {
        major.push(entry.duration);
      }
    }
  };
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      for (let turn = 0; turn < EVENT_LOOP_TURNS_TO_DRAIN; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      take(observer.takeRecords());
      observer.disconnect();
      return { minor: stats(minor), major: stats(major) };
    },
  };
}
