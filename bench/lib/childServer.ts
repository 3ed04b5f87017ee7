/**
 * What every server a benchmark forks does in its own process (bench/benchServer.ts,
 * bench/lib/userMixServer.ts): the V8 sampling profiler on demand, and closing cleanly when
 * told to stop or when the parent goes away.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** Microseconds between CPU samples: V8's default, fine enough for a multi-second run. */
const PROFILE_SAMPLING_INTERVAL_US = 1_000;

/** The V8 sampling profiler on this process, through the inspector protocol. */
export function cpuProfiler() {
  const session = new Session();
  session.connect();
  return {
    async start() {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: PROFILE_SAMPLING_INTERVAL_US });
      await session.post('Profiler.start');
    },
    /** Stops it and writes the profile (`.cpuprofile` JSON) to `file`. */
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
    },
  };
}

/** Closes `app` once on SIGTERM, SIGINT or the parent's disconnect (never outlive it), then exits. */
export function closeOnStop(app: { close(): Promise<unknown> }, label: string): void {
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${label}: close failed`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
  process.on('disconnect', close);
}
