/**
 * One server process: build the server, listen, and shut down cleanly on SIGINT/SIGTERM. The
 * whole server when it runs alone (`WORKERS=1`), or one worker of several (its primary forwards
 * the signals and decides what a second one means).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer } from '../app';
import type { Config } from '../config';

/** In-flight requests get this long to finish after a signal before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface ServeOptions {
  /** The x-instance header, and the clock id's suffix (each writing process needs its own). */
  readonly instanceName: string | null;
  /**
   * A second signal while draining: `exit` at once (alone), or `ignore` (a worker: Ctrl-C reaches
   * it from the terminal and again from its primary, and the primary decides when to cut).
   */
  readonly secondSignal: 'exit' | 'ignore';
  /** Called once the server listens, with its port. */
  readonly onListening?: (port: number) => void;
}

export async function serveProcess(config: Config, options: ServeOptions): Promise<void> {
  const hasApp = existsSync(path.join(config.staticDir, 'index.html'));
  const app = await createServer({
    databaseFile: config.databaseFile,
    databaseUrl: config.databaseUrl,
    logLevel: config.logLevel,
    staticDir: hasApp ? config.staticDir : null,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    redisUrl: config.redisUrl,
    instanceName: options.instanceName,
  });
  if (!hasApp) {
    app.log.warn({ staticDir: config.staticDir }, 'no built app there (npm run build): serving the API only');
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      if (options.secondSignal === 'ignore') return;
      app.log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    setTimeout(() => {
      app.log.error('requests still running after the grace period: exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    // close(): stop accepting, close sockets with 1012 (devices reconnect elsewhere), wait for
    // requests in flight, then close pub/sub and the database (server/realtime/registerRealtime.ts).
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  await app.listen({ host: config.host, port: config.port });
  options.onListening?.((app.server.address() as AddressInfo).port);
}
