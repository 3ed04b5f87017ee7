import { describe, expect, it } from 'vitest';
import { RESPAWN_MIN_INTERVAL_MS, respawnDelayMs } from '../../../server/workers/respawnDelay';

describe('replacing a dead worker', () => {
  it('starts the replacement at once when the dead worker ran for a while', () => {
    expect(respawnDelayMs(0, 60_000)).toBe(0);
    expect(respawnDelayMs(0, RESPAWN_MIN_INTERVAL_MS)).toBe(0);
  });

  it('waits out the rest of the second when the dead worker had just started (no crash loop)', () => {
    expect(respawnDelayMs(10_000, 10_300)).toBe(RESPAWN_MIN_INTERVAL_MS - 300);
    expect(respawnDelayMs(10_000, 10_000)).toBe(RESPAWN_MIN_INTERVAL_MS);
  });

  it('never waits longer than the interval, even if the wall clock stepped back', () => {
    expect(respawnDelayMs(20_000, 5_000)).toBe(RESPAWN_MIN_INTERVAL_MS);
  });
});
