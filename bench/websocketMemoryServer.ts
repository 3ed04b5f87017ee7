/**
 * The server for the WebSocket memory benchmark (websocketMemory.ts), in its own process with
 * `--expose-gc`: answers `{type:'memory'}` over IPC with its memory after a full collection, so
 * the figure per socket is what sockets hold, not garbage the handshakes left behind.
 * argv: `<databaseFile>`.
 */
import type { AddressInfo } from 'node:net';
import { createServer } from '../server/app';

export type MemoryServerRequest = { readonly type: 'memory' } | { readonly type: 'sockets' };
export type MemoryServerReply =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'memory'; readonly rssBytes: number; readonly heapUsedBytes: number; readonly externalBytes: number }
  | { readonly type: 'sockets'; readonly open: number };

async function main(): Promise<void> {
  const [databaseFile] = process.argv.slice(2);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!databaseFile || !process.send || !gc) throw new Error('started by bench/websocketMemory.ts (IPC, --expose-gc)');
  const app = await createServer({ databaseFile, staticDir: null, logLevel: 'warn' });
  const close = () => void app.close().then(() => process.exit(0));
  process.on('SIGTERM', close);
  process.on('disconnect', close);
  process.on('message', (request: MemoryServerRequest) => {
    if (request.type === 'sockets') {
      process.send!({ type: 'sockets', open: app.websocketServer.clients.size } satisfies MemoryServerReply);
      return;
    }
    gc();
    gc();
    const { rss, heapUsed, external } = process.memoryUsage();
    process.send!({ type: 'memory', rssBytes: rss, heapUsedBytes: heapUsed, externalBytes: external } satisfies MemoryServerReply);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.send({ type: 'ready', port: (app.server.address() as AddressInfo).port } satisfies MemoryServerReply);
}

main().catch((error: unknown) => {
  console.error('websocket memory server failed:', error);
  process.exit(1);
});
