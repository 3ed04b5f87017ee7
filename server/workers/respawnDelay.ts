/**
 * When to start the replacement of a worker that died: at once, unless the one it replaces
 * started less than RESPAWN_MIN_INTERVAL_MS ago. A worker that crashes at start (a database it
 * cannot open, a bug on a hot path) is then restarted once a second, not in a tight loop that
 * burns the CPU the other workers need and floods the log.
 */
export const RESPAWN_MIN_INTERVAL_MS = 1_000;

export function respawnDelayMs(lastStartMs: number, nowMs: number, minIntervalMs = RESPAWN_MIN_INTERVAL_MS): number {
  return Math.max(0, Math.min(minIntervalMs, lastStartMs + minIntervalMs - nowMs));
}
