/**
 * Counts events per key over a sliding window, keeping at most `limit` timestamps per key:
 * memory is bounded by keys × limit, and stale keys are swept as time passes.
 */
export class SlidingWindowCounter {
  readonly #events = new Map<string, number[]>();
  #lastSweepMs = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Milliseconds until the key may see another event; 0 when it may now. */
  retryAfterMs(key: string, nowMs: number): number {
    this.#sweep(nowMs);
    const events = this.#live(key, nowMs);
    if (events.length < this.limit) return 0;
    // The oldest counted event leaving the window frees one slot.
    return events[events.length - this.limit]! + this.windowMs - nowMs;
  }

  add(key: string, nowMs: number): void {
    const events = this.#live(key, nowMs);
    events.push(nowMs);
    if (events.length > this.limit) events.splice(0, events.length - this.limit);
    this.#events.set(key, events);
  }

  clear(key: string): void {
    this.#events.delete(key);
  }

  #live(key: string, nowMs: number): number[] {
    const events = this.#events.get(key) ?? [];
    const firstLive = events.findIndex((at) => at > nowMs - this.windowMs);
    if (firstLive === -1) return [];
    return firstLive === 0 ? events : events.slice(firstLive);
  }

  #sweep(nowMs: number): void {
    if (nowMs - this.#lastSweepMs < this.windowMs) return;
    this.#lastSweepMs = nowMs;
    for (const [key, events] of this.#events) {
      if ((events.at(-1) ?? 0) <= nowMs - this.windowMs) this.#events.delete(key);
    }
  }
}
