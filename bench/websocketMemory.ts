/**
 * Memory per idle WebSocket on one instance (issue 4: 10,000 concurrent connections held,
 * under 20 KiB each). The server runs in its own process (websocketMemoryServer.ts); this
 * process holds the `ws` clients: USERS users (sessions minted through the storage layer, no
 * argon2), CONNECTIONS sockets spread over them, opened CONNECT_CONCURRENCY at a time, each
 * waiting for its hello. The figure is the server's memory after a full GC with the sockets
 * open, minus the same before them, divided by the sockets. Then POKE_SAMPLES saves, each timed
 * until every socket of its user got the poke (the sockets work, and what a poke costs with
 * 10,000 open), and an idle spell longer than a heartbeat after which every socket must be held.
 *
 * `npx tsx bench/websocketMemory.ts [connections] [users] [idleSeconds]` runs it on its own.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WebSocket } from 'ws';
import { createSession } from '../server/auth/sessions';
import { openSqliteStorage } from '../server/storage/sqlite/openSqliteStorage';
import { userSpaceId } from '../server/storage/spaceIds';
import { SESSION_COOKIE, SYNC_WS_PATH } from '../src/contract';
import { newId } from '../src/core/ids';
import { summarize, type LatencySummary } from './lib/percentiles';
import type { MemoryServerReply, MemoryServerRequest } from './websocketMemoryServer';

export const WS_CONNECTIONS_DEFAULT = 10_000;
export const WS_USERS_DEFAULT = 100;
export const WS_TARGET_BYTES_PER_SOCKET = 20 * 1024;
/** Longer than the server's heartbeat period (30 s): a socket that does not answer pings is gone by then. */
export const WS_IDLE_SECONDS_DEFAULT = 35;
/** Handshakes in flight at once (a reconnect storm is burstier; this measures holding, not storms). */
const CONNECT_CONCURRENCY = 200;
/** Saves timed from the PUT to the poke on every socket of that user, with 10,000 sockets open. */
const POKE_SAMPLES = 30;
const SERVER_ENTRY = fileURLToPath(new URL('./websocketMemoryServer.ts', import.meta.url));
const REPLY_TIMEOUT_MS = 60_000;

export interface WebsocketMemoryResult {
  readonly connections: number;
  readonly users: number;
  /** Seconds to open every socket (handshake and hello). */
  readonly connectSeconds: number;
  readonly rssBeforeBytes: number;
  readonly rssAfterBytes: number;
  /** Server process RSS growth per socket, after a full GC. */
  readonly rssPerSocketBytes: number;
  /** V8 heap growth per socket, after a full GC. */
  readonly heapPerSocketBytes: number;
  /** Milliseconds from a save (PUT sent) to its poke on the last socket of that user, POKE_SAMPLES saves. */
  readonly pokeFanOut: LatencySummary;
  /** Sockets per user, i.e. per poke. */
  readonly socketsPerUser: number;
  readonly idleSeconds: number;
  /** Sockets the server still held after the idle spell. */
  readonly heldAfterIdle: number;
}

function request<T extends MemoryServerReply['type']>(child: ChildProcess, type: T): Promise<Extract<MemoryServerReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} reply`)), REPLY_TIMEOUT_MS);
    const onMessage = (message: MemoryServerReply) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message as Extract<MemoryServerReply, { type: T }>);
    };
    child.on('message', onMessage);
    if (type !== 'ready') child.send({ type } as MemoryServerRequest);
  });
}

async function mintSessions(databaseFile: string, users: number): Promise<{ token: string; userId: string }[]> {
  const storage = await openSqliteStorage(databaseFile);
  try {
    const sessions = [];
    for (let i = 0; i < users; i++) {
      const user = { id: newId(), username: `ws${i}`, passwordHash: 'not-a-real-hash', createdAtMs: Date.now() };
      await storage.users.create(user);
      await storage.spaces.ensure(userSpaceId(user.id));
      sessions.push({ token: await createSession(storage, user.id, Date.now()), userId: user.id });
    }
    return sessions;
  } finally {
    await storage.close();
  }
}

function openSocket(url: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { cookie: `${SESSION_COOKIE}=${token}` }, perMessageDeflate: false });
    socket.once('message', () => resolve(socket)); // hello
    socket.once('error', reject);
  });
}

export async function measureWebsocketMemory(
  connections = WS_CONNECTIONS_DEFAULT,
  users = WS_USERS_DEFAULT,
  idleSeconds = WS_IDLE_SECONDS_DEFAULT,
): Promise<WebsocketMemoryResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'favorites-ws-bench-'));
  const databaseFile = path.join(dir, 'favorites.sqlite');
  const sessions = await mintSessions(databaseFile, users);
  const child = fork(SERVER_ENTRY, [databaseFile], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const sockets: WebSocket[] = [];
  try {
    const { port } = await request(child, 'ready');
    const url = `ws://127.0.0.1:${port}${SYNC_WS_PATH}`;
    // Warm up: the first handshakes load code and fill caches that are not per socket.
    for (const session of sessions.slice(0, 10)) (await openSocket(url, session.token)).terminate();
    const before = await request(child, 'memory');

    const started = performance.now();
    for (let i = 0; i < connections; i += CONNECT_CONCURRENCY) {
      const batch = Array.from({ length: Math.min(CONNECT_CONCURRENCY, connections - i) }, (_, j) => sessions[(i + j) % users]!);
      sockets.push(...(await Promise.all(batch.map((session) => openSocket(url, session.token)))));
    }
    const connectSeconds = (performance.now() - started) / 1000;
    const after = await request(child, 'memory');

    // Still live: each save by a user pokes every one of its sockets.
    const articleIds = await articleIdsOf(port, sessions[0]!.token, POKE_SAMPLES);
    const samples: number[] = [];
    for (const [n, articleId] of articleIds.entries()) {
      const user = n % users;
      const theirs = sockets.filter((_, i) => i % users === user);
      const poked = Promise.all(theirs.map((socket) => new Promise((resolve) => socket.once('message', resolve))));
      const saveStarted = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/favorites/${articleId}`, {
        method: 'PUT',
        headers: { cookie: `${SESSION_COOKIE}=${sessions[user]!.token}`, 'x-requested-with': 'favorites', 'content-type': 'application/json' },
        body: '{}',
      });
      if (!response.ok) throw new Error(`save failed: ${response.status}`);
      await poked;
      samples.push(performance.now() - saveStarted);
    }
    // Idle through at least one heartbeat round: every socket must still be held afterwards.
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const { open } = await request(child, 'sockets');

    return {
      connections,
      users,
      connectSeconds,
      rssBeforeBytes: before.rssBytes,
      rssAfterBytes: after.rssBytes,
      rssPerSocketBytes: (after.rssBytes - before.rssBytes) / connections,
      heapPerSocketBytes: (after.heapUsedBytes + after.externalBytes - before.heapUsedBytes - before.externalBytes) / connections,
      pokeFanOut: summarize(samples),
      socketsPerUser: Math.ceil(connections / users),
      idleSeconds,
      heldAfterIdle: open,
    };
  } finally {
    for (const socket of sockets) socket.terminate();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function articleIdsOf(port: number, token: string, count: number): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/articles?limit=${count}`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
  const page = (await response.json()) as { items: { id: string }[] };
  return page.items.map((article) => article.id);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [connections, users, idle] = process.argv.slice(2).map(Number);
  const result = await measureWebsocketMemory(connections || undefined, users || undefined, idle ?? undefined);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`${result.connections} sockets (${result.users} users) opened in ${result.connectSeconds.toFixed(1)} s`);
  console.log(`server RSS ${kib(result.rssBeforeBytes)} → ${kib(result.rssAfterBytes)}: ${kib(result.rssPerSocketBytes)} per socket (target < ${kib(WS_TARGET_BYTES_PER_SOCKET)})`);
  console.log(`V8 heap + external per socket: ${kib(result.heapPerSocketBytes)}`);
  const { p50, p95, max } = result.pokeFanOut;
  console.log(
    `save → poke on all ${result.socketsPerUser} sockets of the user, ${result.pokeFanOut.count} saves: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
  );
  console.log(`sockets held after ${result.idleSeconds} s idle: ${result.heldAfterIdle} of ${result.connections}`);
}
