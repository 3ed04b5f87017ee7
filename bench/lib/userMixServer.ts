/**
 * The server for the user-mix benchmark (bench/userMix.ts) in its own process, so the load
 * generator never shares its event loop. Unlike bench/benchServer.ts it opens either database
 * (argv[2] is a JSON BenchDatabase: a SQLite file or a PostgreSQL URL and schema) and answers
 * `stats` with what the report needs from inside the process: CPU time, RSS and V8 heap, and the
 * event-loop delay since the last `stats` (a busy loop is where queueing latency comes from).
 * It also runs V8's CPU profiler between `profile-start` and `profile-stop`. It closes on
 * SIGTERM or when its parent goes away.
 */
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createServer } from '../../server/app';
import type { BenchDatabase } from './benchDatabase';
import { closeOnStop, cpuProfiler } from './childServer';

export type UserMixServerRequest =
  | { readonly type: 'stats' }
  | { readonly type: 'profile-start' }
  | { readonly type: 'profile-stop'; readonly file: string };

export interface UserMixServerStats {
  /** User + system CPU of the process since it started, ms. */
  readonly cpuMs: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** Event-loop delay since the previous `stats`, ms. */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  /** WebSockets the server holds now. */
  readonly openSockets: number;
}

export type UserMixServerReply =
  | { readonly type: 'ready'; readonly port: number }
  | ({ readonly type: 'stats' } & UserMixServerStats)
  | { readonly type: 'profile-started' }
  | { readonly type: 'profile-stopped' }
  | { readonly type: 'failed'; readonly message: string };

/** The loop-delay histogram's resolution, ms. */
const LOOP_DELAY_RESOLUTION_MS = 10;
const NS_PER_MS = 1e6;

function reply(message: UserMixServerReply): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const [databaseJson] = process.argv.slice(2);
  if (!databaseJson || !process.send) throw new Error('userMixServer.ts is started by userMixServerProcess.ts, with a database and IPC');
  const database = JSON.parse(databaseJson) as BenchDatabase;
  const app = await createServer({
    ...(database.kind === 'sqlite' ? { databaseFile: database.file } : { databaseUrl: database.url, databaseSchema: database.schema }),
    staticDir: null,
    logLevel: 'warn',
  });
  closeOnStop(app, 'user-mix server');

  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  loopDelay.enable();
  const profiler = cpuProfiler();
  const handle = async (request: UserMixServerRequest): Promise<UserMixServerReply> => {
    switch (request.type) {
      case 'stats': {
        const cpu = process.cpuUsage();
        const { rss, heapUsed } = process.memoryUsage();
        const stats: UserMixServerReply = {
          type: 'stats',
          cpuMs: (cpu.user + cpu.system) / 1000,
          rssBytes: rss,
          heapUsedBytes: heapUsed,
          loopDelayP99Ms: loopDelay.percentile(99) / NS_PER_MS,
          loopDelayMaxMs: loopDelay.max / NS_PER_MS,
          openSockets: app.websocketServer.clients.size,
        };
        loopDelay.reset();
        return stats;
      }
      case 'profile-start':
        await profiler.start();
        return { type: 'profile-started' };
      case 'profile-stop':
        await profiler.stop(request.file);
        return { type: 'profile-stopped' };
    }
  };
  process.on('message', (request: UserMixServerRequest) => {
    handle(request).then(reply, (error: unknown) => reply({ type: 'failed', message: String(error) }));
  });

  await app.listen({ host: '127.0.0.1', port: 0 });
  reply({ type: 'ready', port: (app.server.address() as AddressInfo).port });
}

main().catch((error: unknown) => {
  console.error('user-mix server failed to start:', error);
  process.exit(1);
});
