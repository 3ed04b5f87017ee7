/** `npm run serve`: configure, start, listen, and shut down cleanly on SIGINT/SIGTERM. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer } from './app';
import { ConfigError, loadConfig, type Config } from './config';

/** In-flight requests get this long to finish after a signal before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function main(): Promise<void> {
  const config = readConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const hasApp = existsSync(path.join(config.staticDir, 'index.html'));
  const app = await createServer({
    databaseFile: config.databaseFile,
    databaseUrl: config.databaseUrl,
    logLevel: config.logLevel,
    staticDir: hasApp ? config.staticDir : null,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    redisUrl: config.redisUrl,
    instanceName: config.instanceName,
  });
  if (!hasApp) {
    app.log.warn({ staticDir: config.staticDir }, 'no built app there (npm run build): serving the API only');
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
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
  const { port } = app.server.address() as AddressInfo;
  console.log(`favorites is running at http://${urlHost(config.host)}:${port}`);
}

main().catch((error: unknown) => {
  console.error('favorites failed to start:', error);
  process.exit(1);
});
