/** The first retry waits up to this long. */
export const RETRY_BASE_MS = 1_000;
/** No retry waits longer than this, however many failed before it. */
export const RETRY_MAX_MS = 5 * 60_000;

/**
 * Exponential backoff with full jitter (a uniformly random wait in [0, cap)): devices that lost
 * the server together do not all come back in the same instant. `attempt` counts from 0;
 * `random` returns a number in [0, 1) like Math.random.
 */
export function retryDelayMs(attempt: number, random: () => number): number {
  const cap = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * cap);
}
