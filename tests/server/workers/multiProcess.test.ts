/**
 * `WORKERS=2`: the real server (`server/main.ts`) as a primary and two worker processes on one
 * port and one SQLite file, no Redis. Each test reaches the worker it needs through a connection
 * pinned to it (support/workerConnections.ts).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstance, type InstanceProcess } from '../../../scripts/cluster/instanceProcess';
import { memoryLimitBytes } from '../../../server/metrics/memoryLimitGauge';
import { storedFavorite } from '../support/storedFavorite';
import { CLOSE_SERVER_RESTART, CSRF_HEADER, CSRF_HEADER_VALUE, PushResponse, SYNC_SCHEMA_VERSION, SYNC_WS_PATH } from '../../../src/contract';
import { formatHlc } from '../../../src/core/hlc';
import { parseExposition, valueOf } from '../metrics/support/exposition';
import { HttpUser, newClientId } from '../realtime/support/httpClient';
import { openedSockets } from '../realtime/support/openedSockets';
import { sharedDatabaseFile } from '../realtime/support/realtimeServer';
import { tempDir } from '../support/tempDir';
import { connectionsToEveryWorker, socketsOnEveryWorker, type WorkerConnection } from './support/workerConnections';

const METRICS_TOKEN = 'workers-test-metrics-token-0123456789';
const NAME = 'mp';
const WORKERS = [`${NAME}-w1`, `${NAME}-w2`] as const;
/** Three processes compiling the server with tsx, on a loaded 2-core machine: a hang guard. */
const START_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 20_000;
/** A replacement worker compiles and builds the server from scratch: a hang guard. */
const RESPAWN_TIMEOUT_MS = 40_000;

describe('WORKERS=2: one server in several processes', () => {
  const database = sharedDatabaseFile();
  const open = openedSockets();
  let server: InstanceProcess;
  let wsUrl: string;
  let user: HttpUser;
  const connections: WorkerConnection[] = [];

  /** A connection to each worker, closed after the file. */
  async function pinned(): Promise<Map<string, WorkerConnection>> {
    const byWorker = await connectionsToEveryWorker(server.origin, WORKERS);
    connections.push(...byWorker.values());
    return byWorker;
  }

  beforeAll(async () => {
    server = await startInstance(NAME, 0, {
      ...process.env,
      WORKERS: '2',
      DATA_DIR: path.dirname(database.file),
      STATIC_DIR: path.join(path.dirname(database.file), 'no-app'),
      LOG_LEVEL: 'error',
      METRICS_TOKEN,
      // CI sets these for the scale-out tests; here the workers must talk over IPC, on SQLite.
      DATABASE_URL: '',
      REDIS_URL: '',
    });
    wsUrl = `${server.origin.replace(/^http/, 'ws')}${SYNC_WS_PATH}`;
    user = await HttpUser.signup(server.origin);
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    for (const connection of connections) connection.close();
    await server?.stop();
    database.remove();
  });

  it('answers from both workers, each under its own instance name', async () => {
    const byWorker = await pinned();
    expect([...byWorker.keys()].sort()).toEqual([...WORKERS]);
  });

  it('pokes a socket held by one worker after a save handled by the other', async () => {
    const byWorker = await pinned();
    const sockets = await socketsOnEveryWorker(open, wsUrl, user.cookie, WORKERS);
    const [first, second] = await user.articleIds(2);
    const space = await user.space();
    const save = (worker: string, articleId: string) =>
      byWorker.get(worker)!.send('PUT', `/api/v1/favorites/${articleId}`, { headers: user.cookie, json: {} });

    // Each save pokes the sockets on both workers: the other one's (over the primary's relay) and
    // its own (the sender hears its own publish, as with Redis).
    const saves: [worker: string, articleId: string][] = [
      [WORKERS[0], first!],
      [WORKERS[1], second!],
    ];
    for (const [i, [worker, articleId]] of saves.entries()) {
      const version = i + 1;
      expect((await save(worker, articleId)).status).toBe(200);
      for (const socket of sockets.values()) {
        const poke = await socket.until(() => socket.ofType('poke').find((p) => p.version === version), `poke ${version}`);
        expect(poke).toEqual({ type: 'poke', space, version });
      }
    }
  });

  it('interleaves pushes to one space from both workers with no gap and no lost write', async () => {
    const pusher = await HttpUser.signup(server.origin);
    const byWorker = await pinned();
    const articles = await pusher.articleIds(20);
    const pushesPerWorker = 10;
    const pushAll = async (worker: string, own: string[]) => {
      const clientId = newClientId();
      for (const [i, articleId] of own.entries()) {
        const mutation = { id: i + 1, op: 'favorite.set.v1', args: { articleId, saved: true }, hlc: formatHlc(Date.now(), 0, clientId) };
        const answer = await byWorker.get(worker)!.send('POST', '/api/v1/sync/push', {
          headers: pusher.cookie,
          json: { clientId, schemaVersion: SYNC_SCHEMA_VERSION, mutations: [mutation] },
        });
        expect(answer.status, answer.body).toBe(200);
        expect(PushResponse.parse(answer.json()).results).toEqual([{ id: i + 1, status: 'applied' }]);
      }
    };
    await Promise.all([
      pushAll(WORKERS[0], articles.slice(0, pushesPerWorker)),
      pushAll(WORKERS[1], articles.slice(pushesPerWorker)),
    ]);

    const { changes } = await pusher.pullAll(newClientId(), null);
    // Every push is one commit, one version: 20 commits are versions 1..20, each seen once.
    expect(changes.map((change) => change.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 2 * pushesPerWorker }, (_, i) => i + 1),
    );
    expect(new Set(changes.map((change) => change.articleId))).toEqual(new Set(articles));
  }, TEST_TIMEOUT_MS);

  it('serves /metrics for the whole server, whichever worker answers', async () => {
    const byWorker = await pinned();
    const scrape = async (worker: string) => {
      const answer = await byWorker.get(worker)!.send('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(answer.status, answer.body).toBe(200);
      return parseExposition(answer.body);
    };
    const healthChecks = (exposition: ReturnType<typeof parseExposition>) =>
      valueOf(exposition, 'http_requests_total', { method: 'GET', route: '/healthz', status: '200' }) ?? 0;

    const before = healthChecks(await scrape(WORKERS[0]));
    for (let i = 0; i < 3; i++) await byWorker.get(WORKERS[0])!.send('GET', '/healthz');
    for (let i = 0; i < 2; i++) await byWorker.get(WORKERS[1])!.send('GET', '/healthz');

    for (const worker of WORKERS) {
      const exposition = await scrape(worker);
      expect(healthChecks(exposition)).toBe(before + 5);
      // One limit for the machine (or container), not one per worker added up.
      expect(valueOf(exposition, 'process_memory_limit_bytes')).toBe(memoryLimitBytes());
    }
  });

  it('replaces a worker that dies, under the same name', async () => {
    const [victim] = workerPids(server.child.pid!);
    process.kill(victim!, 'SIGKILL');
    // Wait for the state: a new worker process, and both names answering again.
    await waitFor(async () => {
      const pids = workerPids(server.child.pid!);
      if (pids.includes(victim!) || pids.length < 2) return false;
      // Until the replacement listens, every new connection goes to the survivor.
      return pinned().then(
        () => true,
        () => false,
      );
    }, 'a replacement worker answering', RESPAWN_TIMEOUT_MS - 5_000);
  }, RESPAWN_TIMEOUT_MS);

  it('on SIGTERM closes every socket with 1012, finishes a push in flight, and exits 0', async () => {
    const sockets = await socketsOnEveryWorker(open, wsUrl, user.cookie, WORKERS);
    const [articleId] = await user.articleIds(1);
    const clientId = newClientId();
    const body = JSON.stringify({
      clientId,
      schemaVersion: SYNC_SCHEMA_VERSION,
      mutations: [{ id: 1, op: 'favorite.set.v1', args: { articleId, saved: true, note: 'in flight' }, hlc: formatHlc(Date.now(), 0, clientId) }],
    });
    // The push is in flight once a worker accepted its headers (100 Continue); its body follows
    // only after the shutdown began.
    const push = pushWithContinue(server.origin, user, body);
    await push.continued;

    const exited = server.stop();
    for (const socket of sockets.values()) expect((await socket.closed).code).toBe(CLOSE_SERVER_RESTART);
    push.sendBody();
    const answer = await push.answer;
    expect(answer.status, answer.body).toBe(200);
    expect(PushResponse.parse(JSON.parse(answer.body)).results).toEqual([{ id: 1, status: 'applied' }]);
    expect(await exited).toBe(0);

    expect(await storedFavorite(database.file, user.username, articleId!)).toMatchObject({ note: 'in flight' });
  }, TEST_TIMEOUT_MS);
});

describe('WORKERS=2 when the workers cannot start', () => {
  it('stops with exit code 1 instead of restarting them forever', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: path.resolve(import.meta.dirname, '../../..'),
        env: {
          ...process.env,
          WORKERS: '2',
          PORT: String((taken.address() as AddressInfo).port),
          DATA_DIR: tempDir(),
          LOG_LEVEL: 'silent',
          DATABASE_URL: '',
          REDIS_URL: '',
        },
        stdio: 'ignore',
      });
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(1);
    } finally {
      taken.close();
    }
  }, START_TIMEOUT_MS);
});

/** The primary's children (the workers), from /proc (Linux). */
function workerPids(primaryPid: number): number[] {
  const text = readFileSync(`/proc/${primaryPid}/task/${primaryPid}/children`, 'utf8').trim();
  return text === '' ? [] : text.split(/\s+/).map(Number);
}

/** Checks `ready` until it holds (each check is a round trip to the server), failing after a hang guard. */
async function waitFor(ready: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`);
    // Let the starting worker have the CPU instead of spinning on the one that answers.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface HeldPush {
  /** Resolves when the server accepted the headers (the request is routed, in flight). */
  readonly continued: Promise<void>;
  sendBody(): void;
  readonly answer: Promise<{ status: number; body: string }>;
}

/** A push sent with `Expect: 100-continue` on a new connection, its body held until `sendBody`. */
function pushWithContinue(origin: string, user: HttpUser, body: string): HeldPush {
  const request = http.request(new URL('/api/v1/sync/push', origin), {
    method: 'POST',
    agent: false,
    headers: {
      ...user.cookie,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
      expect: '100-continue',
    },
  });
  const continued = new Promise<void>((resolve, reject) => {
    request.once('continue', resolve);
    request.once('error', reject);
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
  });
  request.flushHeaders();
  return { continued, sendBody: () => request.end(body), answer };
}
