/**
 * The server as a benchmark runs it: its own process (so the load generator or the browser
 * driver never shares its event loop), on 127.0.0.1 and a free port, logging warnings only.
 * Started by lib/serverProcess.ts over IPC: argv is `<databaseFile> [staticDir]`; it answers
 * `{ type: 'ready', port }` once listening, runs the CPU profiler between `profile-start` and
 * `profile-stop` (writing the profile to the file named), and closes when told to stop or
 * when its parent goes away.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from '../server/app';

export type BenchServerRequest = { readonly type: 'profile-start' } | { readonly type: 'profile-stop'; readonly file: string };
export type BenchServerReply =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'profile-started' }
  | { readonly type: 'profile-stopped' }
  | { readonly type: 'failed'; readonly message: string };

/** Microseconds between CPU samples: V8's default, fine enough for a multi-second run. */
const PROFILE_SAMPLING_INTERVAL_US = 1_000;

function reply(message: BenchServerReply): void {
  process.send?.(message);
}

/** The V8 sampling profiler on this process, through the inspector protocol. */
function cpuProfiler() {
  const session = new Session();
  session.connect();
  return {
    async start() {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: PROFILE_SAMPLING_INTERVAL_US });
      await session.post('Profiler.start');
    },
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
    },
  };
}

async function main(): Promise<void> {
  const [databaseFile, staticDir] = process.argv.slice(2);
  if (!databaseFile || !process.send) {
    throw new Error('benchServer.ts is started by bench/lib/serverProcess.ts, with a database file and IPC');
  }
  const app = await createServer({ databaseFile, staticDir: staticDir || null, logLevel: 'warn' });
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('bench server: close failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
  // The parent exited or dropped the channel: never outlive it.
  process.on('disconnect', close);

  const profiler = cpuProfiler();
  process.on('message', (request: BenchServerRequest) => {
    const work = request.type === 'profile-start' ? profiler.start() : profiler.stop(request.file);
    work.then(
      () => reply({ type: request.type === 'profile-start' ? 'profile-started' : 'profile-stopped' }),
      (error: unknown) => reply({ type: 'failed', message: String(error) }),
    );
  });

  await app.listen({ host: '127.0.0.1', port: 0 });
  reply({ type: 'ready', port: (app.server.address() as AddressInfo).port });
}

main().catch((error: unknown) => {
  console.error('bench server failed to start:', error);
  process.exit(1);
});
