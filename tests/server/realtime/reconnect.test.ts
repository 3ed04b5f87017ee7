import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceModel } from './support/deviceModel';
import { HttpUser, newClientId } from './support/httpClient';
import { startServer, type RunningServer } from './support/realtimeServer';
import { WAIT_MS } from './support/testSocket';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(() => server.close());

/** The user's favorites as a fresh device would pull them: articleId → saved. */
async function serverState(user: HttpUser): Promise<Map<string, boolean>> {
  const { changes } = await user.pullAll(newClientId(), null);
  return new Map(changes.map((change) => [change.articleId, change.saved.value]));
}

describe.each([
  ['the server cuts it', () => terminateServerSide()],
  ['the client cuts it', async (device: DeviceModel) => void (await device.socket!.close(true))],
])('a socket killed (%s)', (_how, kill) => {
  it('reconnects, pulls from its cursor, and misses none of the writes made while it was away', async () => {
    const user = await HttpUser.signup(server.origin);
    const articles = await user.articleIds(6);
    const writer = newClientId();
    const device = new DeviceModel(user, server.wsUrl);
    const first = await device.connect();

    // Live: a write while connected arrives by poke.
    await user.push(writer, 1, [{ articleId: articles[0]!, saved: true }]);
    await expect.poll(() => device.saved.get(articles[0]!), { timeout: WAIT_MS, interval: 10 }).toBe(true);

    await kill(device);
    await first.closed;
    // Away: these pokes reach nobody.
    await user.push(writer, 2, [{ articleId: articles[1]!, saved: true }]);
    await user.save(articles[2]!);
    await user.push(writer, 3, [
      { articleId: articles[0]!, saved: false },
      { articleId: articles[3]!, saved: true },
    ]);

    const second = await device.connect();
    await expect.poll(() => new Map(device.saved), { timeout: WAIT_MS, interval: 10 }).toEqual(await serverState(user));
    expect(second.ofType('poke')).toEqual([]); // caught up by the pull on reconnect, not by pokes

    // And live again afterwards.
    await user.save(articles[4]!);
    await expect.poll(() => device.saved.get(articles[4]!), { timeout: WAIT_MS, interval: 10 }).toBe(true);
    expect(device.connections).toBe(2);
    await second.close();
  });
});

/** Terminates, on the server, every socket of the user (TCP cut, no close frame). */
async function terminateServerSide(): Promise<void> {
  // Each test of this file holds one socket at a time, so all the server holds is this user's.
  for (const client of server.app.websocketServer.clients) client.terminate();
}
