/**
 * Histogram bucket bounds. Prometheus interpolates a quantile linearly inside one bucket, so a
 * quantile is only as precise as the bucket around it: the bounds step by about 1.5–2.5x over
 * the range that matters, and each alert threshold (docs/operations.md) is itself a bound, so
 * "p99 over 500 ms" and "query p99 over 100 ms" are read exactly, not interpolated.
 */

/** Request latency in seconds: 0.25 ms to 5 s (the API answers in about 0.1–20 ms here). */
export const HTTP_DURATION_BUCKETS_S = [
  0.00025, 0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 0.75,
  1, 2.5, 5,
] as const;

/** Database query time in seconds: 50 µs (an indexed SQLite read) to 5 s. */
export const DB_QUERY_DURATION_BUCKETS_S = [
  0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
] as const;

/** Pull lag in space versions: 1 is a device that keeps up (a poke per commit). */
export const PULL_LAG_BUCKETS_VERSIONS = [0, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10_000] as const;
