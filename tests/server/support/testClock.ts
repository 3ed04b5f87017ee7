/** A wall clock tests move by hand. */
export interface TestClock {
  (): number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function testClock(startMs = Date.UTC(2026, 0, 15, 12)): TestClock {
  let nowMs = startMs;
  const clock = (() => nowMs) as TestClock;
  clock.advance = (ms) => {
    nowMs += ms;
  };
  clock.set = (ms) => {
    nowMs = ms;
  };
  return clock;
}
