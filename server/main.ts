/**
 * `npm run serve`: configure, then serve. `WORKERS=1` (the default): this process is the server.
 * `WORKERS=N`: this process becomes the primary of N worker processes sharing the port
 * (server/workers/runPrimary.ts), and each worker runs this file again as one server.
 * Either way it prints "favorites is running at http://…" once, and shuts down cleanly on
 * SIGINT/SIGTERM.
 */
import { mkdirSync } from 'node:fs';
import { ConfigError, loadConfig, type Config } from './config';
import { runPrimary } from './workers/runPrimary';
import { serveProcess } from './workers/serveProcess';
import { isServerWorker, workerInstanceName, workerNumberFromEnv } from './workers/workerIdentity';

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
  const announce = (port: number) => console.log(`favorites is running at http://${urlHost(config.host)}:${port}`);
  if (isServerWorker()) {
    await serveProcess(config, {
      instanceName: workerInstanceName(config.instanceName, workerNumberFromEnv()),
      secondSignal: 'ignore',
    });
    return;
  }
  mkdirSync(config.dataDir, { recursive: true });
  if (config.workers > 1) await runPrimary(config, announce);
  else await serveProcess(config, { instanceName: config.instanceName, secondSignal: 'exit', onListening: announce });
}

main().catch((error: unknown) => {
  console.error('favorites failed to start:', error);
  process.exit(1);
});
