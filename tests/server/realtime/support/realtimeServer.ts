/** Real servers on 127.0.0.1 for the realtime tests: HTTP and WebSocket, on a throwaway SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer, type ServerOptions } from '../../../../server/app';
import { SYNC_WS_PATH } from '../../../../src/contract';

export interface RunningServer {
  readonly app: FastifyInstance;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** `ws://127.0.0.1:<port>/api/v1/sync/ws` */
  readonly wsUrl: string;
  readonly databaseFile: string;
  /** Closes the server (idempotent); the database file stays until `removeDatabase`. */
  close(): Promise<void>;
}

/**
 * A directory for a database several servers share, removed by the returned function.
 * (Not tests/server/support/tempDir: that one is removed after each test, and these servers
 * live for a whole file.)
 */
export function sharedDatabaseFile(): { file: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'favorites-realtime-'));
  return { file: path.join(dir, 'favorites.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A server listening on 127.0.0.1; on its own fresh database unless `databaseFile` is given (then the caller removes it). */
export async function startServer(
  options: Partial<ServerOptions> = {},
  /** Runs before listen, while hooks can still be added. */
  beforeListen?: (app: FastifyInstance) => void,
): Promise<RunningServer> {
  const own = options.databaseFile ? null : sharedDatabaseFile();
  const databaseFile = options.databaseFile ?? own!.file;
  const app = await createServer({ logLevel: 'silent', staticDir: null, ...options, databaseFile });
  beforeListen?.(app);
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  let closing: Promise<void> | undefined;
  return {
    app,
    origin,
    wsUrl: `${origin.replace(/^http/, 'ws')}${SYNC_WS_PATH}`,
    databaseFile,
    close: () => (closing ??= app.close().finally(() => own?.remove())),
  };
}
