import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_UNAUTHENTICATED } from '../../../src/contract';
import { hashToken } from '../../../server/auth/tokens';
import { openSqliteStorage } from '../../../server/storage/sqlite/openSqliteStorage';
import { HttpUser } from './support/httpClient';
import { startServer, type RunningServer } from './support/realtimeServer';
import { TestSocket } from './support/testSocket';

/**
 * Short periods so the server's timers fire within a test; the rules are what is tested. The
 * heartbeat leaves a loaded machine's event loop room to deliver a pong within one period.
 */
const HEARTBEAT_MS = 250;
const REVALIDATE_MS = 50;
const METRICS_TOKEN = 'realtime-metrics-token';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    metricsToken: METRICS_TOKEN,
    realtime: { heartbeatIntervalMs: HEARTBEAT_MS, sessionRevalidateIntervalMs: REVALIDATE_MS },
  });
});

afterAll(() => server.close());

function pingsReceived(socket: TestSocket, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    socket.ws.on('ping', () => {
      if (++seen === count) resolve();
    });
  });
}

describe('socket health', () => {
  it('pings at the protocol level and keeps a client that answers', async () => {
    const user = await HttpUser.signup(server.origin);
    const socket = await TestSocket.open(server.wsUrl, { headers: user.cookie });
    await pingsReceived(socket, 3);
    socket.send(JSON.stringify({ type: 'ping' }));
    await socket.next('pong');
    await socket.close();
  });

  it('terminates a client that stops answering pings (a half-open connection)', async () => {
    const user = await HttpUser.signup(server.origin);
    const socket = await TestSocket.open(server.wsUrl, { headers: user.cookie, autoPong: false });
    // No close frame: the server cut the TCP connection.
    expect((await socket.closed).code).toBe(1006);
  });

  it('closes with 4401 a socket whose session was revoked without a sign-out reaching it', async () => {
    const user = await HttpUser.signup(server.origin);
    const socket = await TestSocket.open(server.wsUrl, { headers: user.cookie });
    // Revoked straight in the database (as another instance cut off from Redis would), not via logout.
    const storage = await openSqliteStorage(server.databaseFile);
    try {
      await storage.tokens.revoke(hashToken(user.token));
    } finally {
      await storage.close();
    }
    expect(await socket.closed).toEqual({ code: CLOSE_UNAUTHENTICATED, reason: 'session ended: sign in again' });
  });
});

describe('socket metrics', () => {
  async function metric(name: string): Promise<number> {
    const response = await fetch(`${server.origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const line = (await response.text()).split('\n').find((text) => text.startsWith(`${name} `));
    return Number(line?.split(' ')[1] ?? NaN);
  }

  it('counts sockets opened and closed, telling clean closes from drops', async () => {
    const before = {
      opened: await metric('websocket_connections_opened_total'),
      normal: await metric('websocket_disconnects_total{reason="normal"}'),
      abnormal: await metric('websocket_disconnects_total{reason="abnormal"}'),
    };
    const user = await HttpUser.signup(server.origin);
    const clean = await TestSocket.open(server.wsUrl, { headers: user.cookie });
    const cut = await TestSocket.open(server.wsUrl, { headers: user.cookie });
    expect(await metric('websocket_connections_opened_total')).toBe(before.opened + 2);
    await clean.close();
    await cut.close(true);
    await expect.poll(() => metric('websocket_disconnects_total{reason="normal"}'), { interval: 10 }).toBe(before.normal + 1);
    await expect.poll(() => metric('websocket_disconnects_total{reason="abnormal"}'), { interval: 10 }).toBe(before.abnormal + 1);
  });
});
