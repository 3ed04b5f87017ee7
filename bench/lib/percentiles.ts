/**
 * Latency summaries. Percentiles use the nearest-rank method on the sorted samples: the
 * reported p99 is a latency some request actually had, never an interpolation between two.
 */
export interface LatencySummary {
  readonly count: number;
  readonly min: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** The `p`-th percentile (0 < p ≤ 100) of samples already sorted ascending. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no samples');
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile out of range: ${p}`);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1]!;
}

export function summarize(samples: ArrayLike<number>): LatencySummary {
  if (samples.length === 0) throw new RangeError('summary of no samples');
  // A typed array sorts numerically (a plain array's default sort compares strings).
  const sorted = Float64Array.from(samples).sort();
  let total = 0;
  for (const value of sorted) total += value;
  return {
    count: sorted.length,
    min: sorted[0]!,
    mean: total / sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1]!,
  };
}

/** Elapsed time since `startNs` (from `process.hrtime.bigint()`), in microseconds. */
export function microsSince(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1_000;
}
