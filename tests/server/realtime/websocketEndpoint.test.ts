import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_UNAUTHENTICATED, ErrorBody } from '../../../src/contract';
import { isHlc } from '../../../src/core/hlc';
import { CLOSE_UNSUPPORTED_DATA } from '../../../server/realtime/realtimeHub';
import { HttpUser, newClientId } from './support/httpClient';
import { openedSockets } from './support/openedSockets';
import { startServer, type RunningServer } from './support/realtimeServer';
import { refusedUpgrade } from './support/testSocket';

let server: RunningServer;
const open = openedSockets();

// One server for the file (starting one seeds the catalogue); every test signs up its own users.
beforeAll(async () => {
  server = await startServer();
});

afterAll(() => server.close());

describe('GET /api/v1/sync/ws: who may open a socket', () => {
  it.each([
    ['no credentials', {}, ''],
    ['an unknown session cookie', { headers: { cookie: 'favorites_session=nope' } }, ''],
    ['an unknown bearer token', { headers: { authorization: 'Bearer nope' } }, ''],
    ['a malformed authorization header', { headers: { authorization: 'Basic abc' } }, ''],
    ['an unknown ?token=', {}, '?token=nope'],
  ])('refuses the upgrade with 401 and the error envelope for %s', async (_name, options, query) => {
    const refusal = await refusedUpgrade(server.wsUrl + query, options);
    expect(refusal.status).toBe(401);
    expect(ErrorBody.parse(refusal.body).error.code).toBe('unauthenticated');
  });

  it('says hello with the server clock to a session cookie, a bearer header and a ?token=', async () => {
    const user = await HttpUser.signup(server.origin);
    const apiToken = await user.createApiToken();
    const byCookie = await open(server.wsUrl, { headers: user.cookie });
    const byBearer = await open(server.wsUrl, { headers: user.bearer });
    const byQuery = await open(`${server.wsUrl}?token=${user.token}`);
    const byApiToken = await open(`${server.wsUrl}?token=${apiToken}`);
    for (const socket of [byCookie, byBearer, byQuery, byApiToken]) {
      const hello = await socket.next('hello');
      expect(isHlc(hello.serverHlc)).toBe(true);
    }
  });

  it('judges a bad bearer header alone, even next to a valid cookie', async () => {
    const user = await HttpUser.signup(server.origin);
    const refusal = await refusedUpgrade(server.wsUrl, { headers: { ...user.cookie, authorization: 'Bearer nope' } });
    expect(refusal.status).toBe(401);
  });

  it('refuses (403) a browser page of another origin, even with a valid session cookie', async () => {
    const user = await HttpUser.signup(server.origin);
    const refusal = await refusedUpgrade(server.wsUrl, { headers: user.cookie, origin: 'https://evil.example' });
    expect(refusal.status).toBe(403);
    expect(ErrorBody.parse(refusal.body).error.code).toBe('forbidden');
    // The app's own pages (same origin) are welcome.
    await open(server.wsUrl, { headers: user.cookie, origin: server.origin });
  });

  it('closes the sockets of a session with 4401 when it signs out, and leaves its other sessions open', async () => {
    const user = await HttpUser.signup(server.origin);
    const apiToken = await user.createApiToken();
    const session = await open(server.wsUrl, { headers: user.cookie });
    const api = await open(`${server.wsUrl}?token=${apiToken}`);
    await user.logout();
    expect((await session.closed).code).toBe(CLOSE_UNAUTHENTICATED);
    // The API token outlives the browser sign-out: its socket still answers.
    api.send(JSON.stringify({ type: 'ping' }));
    await api.next('pong');
  });
});

describe('GET /api/v1/sync/ws: messages', () => {
  it('answers ping with pong, ignores text it does not understand, and closes on binary frames', async () => {
    const user = await HttpUser.signup(server.origin);
    const socket = await open(server.wsUrl, { headers: user.cookie });
    socket.send('not json');
    socket.send(JSON.stringify({ type: 'subscribe', space: 'u:someone-else' }));
    socket.send(JSON.stringify({ type: 'ping' }));
    await socket.next('pong');
    expect(socket.messages.map((m) => m.type)).toEqual(['hello', 'pong']);

    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await socket.closed).code).toBe(CLOSE_UNSUPPORTED_DATA);
  });

  it('closes a socket that sends a frame over the size limit with 1009', async () => {
    const user = await HttpUser.signup(server.origin);
    const socket = await open(server.wsUrl, { headers: user.cookie });
    socket.send(JSON.stringify({ type: 'ping', padding: 'x'.repeat(10_000) }));
    expect((await socket.closed).code).toBe(1009);
  });
});

describe('GET /api/v1/sync/ws: pokes', () => {
  it('pokes every device of the user after a push, with the version a pull then reports', async () => {
    const user = await HttpUser.signup(server.origin);
    const [articleId] = await user.articleIds(1);
    const phone = await open(server.wsUrl, { headers: user.cookie });
    const laptop = await open(server.wsUrl, { headers: user.bearer });

    const clientId = newClientId();
    await user.push(clientId, 1, [{ articleId: articleId!, saved: true }]);
    const pokes = await Promise.all([phone.next('poke'), laptop.next('poke')]);

    const { changes } = await user.pullAll(newClientId(), null);
    const version = Math.max(...changes.map((change) => change.version));
    expect(pokes).toEqual([
      { type: 'poke', space: changes[0]!.space, version },
      { type: 'poke', space: changes[0]!.space, version },
    ]);
    expect(changes[0]!.space).toMatch(/^u:/);
  });

  it('pokes after REST saves and removes, once per write that changed something', async () => {
    const user = await HttpUser.signup(server.origin);
    const [first, second] = await user.articleIds(2);
    const socket = await open(server.wsUrl, { headers: user.cookie });

    await user.save(first!);
    const saved = await socket.next('poke', 0);
    await user.remove(first!);
    const removed = await socket.next('poke', 1);
    // Removing what is not saved changes nothing: no version, no poke. The next write's poke is next.
    await user.remove(second!);
    await user.save(second!);
    const savedAgain = await socket.next('poke', 2);

    expect([saved.version, removed.version, savedAgain.version]).toEqual([1, 2, 3]);
    const { changes } = await user.pullAll(newClientId(), null);
    expect(Math.max(...changes.map((change) => change.version))).toBe(savedAgain.version);
  });

  it("never pokes another user's socket", async () => {
    const ada = await HttpUser.signup(server.origin);
    const bob = await HttpUser.signup(server.origin);
    const [articleId, other] = await ada.articleIds(2);
    const adaSocket = await open(server.wsUrl, { headers: ada.cookie });
    const bobSocket = await open(server.wsUrl, { headers: bob.cookie });

    const clientId = newClientId();
    for (let i = 0; i < 3; i++) await ada.push(clientId, i + 1, [{ articleId: articleId!, note: `note ${i}` }]);
    await adaSocket.next('poke', 2);
    // Bob's own save: had Ada's pokes leaked to him, they would have arrived before this one.
    await bob.save(other!);
    expect(await bobSocket.next('poke', 0)).toEqual({ type: 'poke', space: await bob.space(), version: 1 });
    expect(bobSocket.ofType('poke')).toHaveLength(1);
    const adaSpace = await ada.space();
    expect(adaSocket.ofType('poke')).toEqual([1, 2, 3].map((version) => ({ type: 'poke', space: adaSpace, version })));
  });
});
