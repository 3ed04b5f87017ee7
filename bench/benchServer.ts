/**
 * The server as a benchmark runs it: its own process (so the load generator or the browser
 * driver never shares its event loop), on 127.0.0.1 and a free port, logging warnings only.
 * Started by lib/serverProcess.ts over IPC: argv is `<databaseFile> [staticDir]`; it answers
 * `{ type: 'ready', port }` once listening, runs the CPU profiler between `profile-start` and
 * `profile-stop` (writing the profile to the file named), and closes when told to stop or
 * when its parent goes away.
 */
import type { AddressInfo } from 'node:net';
import { createServer } from '../server/app';
import { closeOnStop, cpuProfiler } from './lib/childServer';

export type BenchServerRequest = { readonly type: 'profile-start' } | { readonly type: 'profile-stop'; readonly file: string };
export type BenchServerReply =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'profile-started' }
  | { readonly type: 'profile-stopped' }
  | { readonly type: 'failed'; readonly message: string };

function reply(message: BenchServerReply): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const [databaseFile, staticDir] = process.argv.slice(2);
  if (!databaseFile || !process.send) {
    throw new Error('benchServer.ts is started by bench/lib/serverProcess.ts, with a database file and IPC');
  }
  const app = await createServer({ databaseFile, staticDir: staticDir || null, logLevel: 'warn' });
  closeOnStop(app, 'bench server');

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
