/**
 * A fixed piece of single-threaded JavaScript, timed: the same code gives figures tens of
 * percent apart on this virtual machine hours apart (docs/benchmarks.md, session 6), and the
 * probe, printed with every run, tells a slow stretch of the host from a regression.
 */

const LOOP_ITERATIONS = 50_000_000;
const MAP_WRITES = 1_000_000;
const MAP_KEYS = 50_000;
const RUNS = 3;

/** Integer arithmetic and string-keyed Map writes (what a server's hot paths are made of). */
function probeOnce(): number {
  const startedMs = performance.now();
  let mixed = 0;
  for (let index = 0; index < LOOP_ITERATIONS; index += 1) mixed = (mixed * 31 + index) | 0;
  const map = new Map<string, number>();
  for (let index = 0; index < MAP_WRITES; index += 1) map.set(`k${index % MAP_KEYS}`, index + mixed);
  return performance.now() - startedMs;
}

/** Milliseconds, the median of a few runs (lower is a faster host). */
export function cpuProbeMs(): number {
  const times = Array.from({ length: RUNS }, probeOnce).sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)]!;
}
