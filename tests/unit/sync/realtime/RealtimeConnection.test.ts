import { describe, expect, it } from 'vitest';
import { CLOSE_SERVER_RESTART, CLOSE_UNAUTHENTICATED, REALTIME_PING_INTERVAL_MS, REALTIME_PONG_TIMEOUT_MS } from '../../../../src/contract/realtime';
import { encodeSyncCursor } from '../../../../src/contract/sync';
import { pokeIsNewer, RealtimeConnection, STABLE_CONNECTION_MS, type RealtimeState } from '../../../../src/sync/realtime';
import { RETRY_BASE_MS } from '../../../../src/sync/retryDelayMs';
import { fakeSockets, flushPromises, until, virtualClock } from './fakeRealtime';

const URL = 'ws://app.test/api/v1/sync/ws';
const SPACE = 'u:user1';
const SERVER_HLC = '000001700000000-0000-server';
/** Close code a browser reports for a connection that dropped without a closing handshake. */
const ABNORMAL_CLOSURE = 1006;

const frame = (message: object) => JSON.stringify(message);

function setup(options: { random?: () => number; cursorVersion?: number; isNewer?: () => Promise<boolean> } = {}) {
  const clock = virtualClock();
  const sockets = fakeSockets();
  const cursor = encodeSyncCursor({ [SPACE]: [options.cursorVersion ?? 5, 'AAAAAAAAAAAAAAAAAAAAAA'] });
  const calls = { passes: 0, connected: 0, unauthenticated: 0, serverHlc: [] as string[], states: [] as RealtimeState[] };
  const connection = new RealtimeConnection({
    url: URL,
    openSocket: sockets.open,
    isNewer: options.isNewer ?? (async (space, version) => pokeIsNewer(cursor, space, version)),
    requestSync: () => (calls.passes += 1),
    connected: () => (calls.connected += 1),
    unauthenticated: () => (calls.unauthenticated += 1),
    serverHlc: (hlc) => calls.serverHlc.push(hlc),
    stateChanged: (state) => calls.states.push(state),
    timer: clock.timer,
    random: options.random ?? (() => 0.5),
    now: clock.now,
  });
  /** Start and let the server accept: an open connection. */
  const startOpen = () => {
    connection.start();
    sockets.last.open();
  };
  return { clock, sockets, connection, calls, startOpen };
}

describe('RealtimeConnection', () => {
  it('connects to the URL and, once open, asks for one pass for what it may have missed', () => {
    const { sockets, connection, calls } = setup();
    connection.start();
    expect(sockets.sockets).toHaveLength(1);
    expect(sockets.last.url).toBe(URL);
    expect(connection.state).toBe('connecting');
    expect(calls.connected).toBe(0);

    sockets.last.open();
    expect(connection.state).toBe('open');
    expect(calls.connected).toBe(1);
    expect(calls.states).toEqual(['connecting', 'open']);
  });

  it('reports the server HLC from hello', () => {
    const { sockets, calls, startOpen } = setup();
    startOpen();
    sockets.last.receive(frame({ type: 'hello', serverHlc: SERVER_HLC }));
    expect(calls.serverHlc).toEqual([SERVER_HLC]);
  });

  it('asks for a pass when a poke is newer than the cursor', async () => {
    const { sockets, calls, startOpen } = setup({ cursorVersion: 5 });
    startOpen();
    sockets.last.receive(frame({ type: 'poke', space: SPACE, version: 6 }));
    await until(() => calls.passes === 1);
  });

  it('asks for a pass when a poke names a space the cursor does not know yet', async () => {
    const { sockets, calls, startOpen } = setup();
    startOpen();
    sockets.last.receive(frame({ type: 'poke', space: 'c:newcollection', version: 1 }));
    await until(() => calls.passes === 1);
  });

  it('asks for no pass when a poke is not newer than the cursor', async () => {
    const { sockets, calls, startOpen } = setup({ cursorVersion: 5 });
    startOpen();
    sockets.last.receive(frame({ type: 'poke', space: SPACE, version: 5 }));
    sockets.last.receive(frame({ type: 'poke', space: SPACE, version: 3 }));
    await flushPromises();
    expect(calls.passes).toBe(0);
  });

  it('asks for a pass when the cursor cannot be read (a pull is the safe side)', async () => {
    const { sockets, calls, startOpen } = setup({ isNewer: () => Promise.reject(new Error('DatabaseClosedError')) });
    startOpen();
    sockets.last.receive(frame({ type: 'poke', space: SPACE, version: 1 }));
    await until(() => calls.passes === 1);
  });

  it('ignores junk frames and stays open', async () => {
    const { sockets, connection, calls, startOpen } = setup({ cursorVersion: 0 });
    startOpen();
    for (const junk of ['not json', '{"type":"poke"}', frame({ type: 'poke', space: 'nospace', version: 9 }), frame({ type: 'shout' }), '[]', 'null', new ArrayBuffer(4)]) {
      sockets.last.receive(junk);
    }
    await flushPromises();
    expect(calls.passes).toBe(0);
    expect(connection.state).toBe('open');
    expect(sockets.sockets).toHaveLength(1);
  });

  it('reconnects after a drop with growing, jittered delays and asks for a pass after each reconnect', () => {
    const { clock, sockets, connection, calls, startOpen } = setup({ random: () => 0.5 });
    startOpen();
    const delays: number[] = [];
    for (let drop = 0; drop < 4; drop += 1) {
      sockets.last.serverClose(ABNORMAL_CLOSURE);
      expect(connection.state).toBe('closed');
      delays.push(clock.pendingDelays()[0]!);
      clock.advance(delays[drop]!);
      expect(connection.state).toBe('connecting');
      sockets.last.open();
    }
    // Full jitter: half of the cap (1 s, 2 s, 4 s, 8 s) with random() = 0.5.
    expect(delays).toEqual([0.5, 1, 2, 4].map((f) => f * RETRY_BASE_MS));
    expect(sockets.sockets).toHaveLength(5);
    expect(calls.connected).toBe(5);
  });

  it('draws each reconnect delay uniformly below the backoff cap', () => {
    const draws = [0, 0.999, 0.25];
    let i = 0;
    const { clock, sockets, connection } = setup({ random: () => draws[i++ % draws.length]! });
    connection.start();
    const delays: number[] = [];
    for (let failure = 0; failure < 3; failure += 1) {
      sockets.last.serverClose(ABNORMAL_CLOSURE);
      delays.push(clock.pendingDelays()[0]!);
      clock.advance(delays[failure]!);
    }
    expect(delays).toEqual([0, Math.floor(0.999 * 2 * RETRY_BASE_MS), Math.floor(0.25 * 4 * RETRY_BASE_MS)]);
  });

  it('starts the backoff over after a connection that the server greeted and that stayed up', () => {
    const { clock, sockets, startOpen } = setup({ random: () => 0.5 });
    startOpen();
    for (let failure = 0; failure < 3; failure += 1) {
      sockets.last.serverClose(ABNORMAL_CLOSURE);
      clock.advance(clock.pendingDelays()[0]!);
    }
    sockets.last.open();
    sockets.last.receive(frame({ type: 'hello', serverHlc: SERVER_HLC }));
    clock.advance(STABLE_CONNECTION_MS);
    sockets.last.serverClose(ABNORMAL_CLOSURE);
    expect(clock.pendingDelays()).toEqual([0.5 * RETRY_BASE_MS]);
  });

  it('keeps backing off from a socket that opens but never speaks (an interceptor with no server behind it)', () => {
    const { clock, sockets, connection, startOpen } = setup({ random: () => 0.5 });
    startOpen();
    const delays: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      // Open and silent: the first ping goes unanswered, the heartbeat gives up on it.
      clock.advance(REALTIME_PING_INTERVAL_MS + REALTIME_PONG_TIMEOUT_MS);
      expect(connection.state).toBe('closed');
      delays.push(clock.pendingDelays()[0]!);
      clock.advance(delays[round]!);
      sockets.last.open();
    }
    expect(delays).toEqual([0.5, 1, 2].map((f) => f * RETRY_BASE_MS));
  });

  it('sends a ping every interval and stays open while answers come', () => {
    const { clock, sockets, connection, startOpen } = setup();
    startOpen();
    const answerAfterMs = REALTIME_PONG_TIMEOUT_MS - 1;
    clock.advance(REALTIME_PING_INTERVAL_MS);
    for (let beat = 1; beat <= 3; beat += 1) {
      expect(sockets.last.sent).toHaveLength(beat);
      expect(JSON.parse(sockets.last.sent.at(-1)!)).toEqual({ type: 'ping' });
      clock.advance(answerAfterMs);
      sockets.last.receive(frame({ type: 'pong' }));
      clock.advance(REALTIME_PING_INTERVAL_MS - answerAfterMs);
    }
    expect(connection.state).toBe('open');
    expect(sockets.sockets).toHaveLength(1);
  });

  it('treats a socket with no answer to a ping as dead: closes it and reconnects', () => {
    const { clock, sockets, connection, calls, startOpen } = setup();
    startOpen();
    const dead = sockets.last;
    clock.advance(REALTIME_PING_INTERVAL_MS);
    expect(dead.sent).toEqual([frame({ type: 'ping' })]);
    clock.advance(REALTIME_PONG_TIMEOUT_MS - 1);
    expect(connection.state).toBe('open');
    clock.advance(1);
    expect(dead.closedByClient).toBe(true);
    expect(connection.state).toBe('closed');

    clock.advance(clock.pendingDelays()[0]!);
    expect(sockets.sockets).toHaveLength(2);
    sockets.last.open();
    expect(calls.connected).toBe(2);
    // The dead socket's late close changes nothing.
    dead.serverClose(ABNORMAL_CLOSURE);
    expect(connection.state).toBe('open');
  });

  it('gives up on a socket that does not open within the deadline and tries again', () => {
    const { clock, sockets, connection } = setup();
    connection.start();
    clock.advance(REALTIME_PONG_TIMEOUT_MS);
    expect(sockets.last.closedByClient).toBe(true);
    expect(connection.state).toBe('closed');
    clock.advance(clock.pendingDelays()[0]!);
    expect(sockets.sockets).toHaveLength(2);
  });

  it('comes back within a second when the server closes with 1012 (restart), however many failures came before', () => {
    const { clock, sockets, calls, startOpen } = setup({ random: () => 0.999 });
    startOpen();
    for (let failure = 0; failure < 5; failure += 1) {
      sockets.last.serverClose(ABNORMAL_CLOSURE);
      clock.advance(clock.pendingDelays()[0]!);
    }
    sockets.last.open();
    sockets.last.serverClose(CLOSE_SERVER_RESTART);
    const [delay] = clock.pendingDelays();
    expect(delay).toBeLessThan(1_000);
    clock.advance(delay!);
    sockets.last.open();
    expect(calls.connected).toBe(3);
  });

  it('stops and tells the session when the server closes with 4401 (session ended)', () => {
    const { clock, sockets, connection, calls, startOpen } = setup();
    startOpen();
    sockets.last.serverClose(CLOSE_UNAUTHENTICATED);
    expect(connection.state).toBe('stopped');
    expect(calls.unauthenticated).toBe(1);
    expect(clock.pendingDelays()).toEqual([]);
    clock.advance(10 * 60_000);
    connection.networkReturned();
    expect(sockets.sockets).toHaveLength(1);
  });

  it('closes the socket when the network goes and reconnects at once when it returns, then asks for a pass', () => {
    const { clock, sockets, connection, calls, startOpen } = setup();
    startOpen();
    const before = sockets.last;
    connection.networkLost();
    expect(before.closedByClient).toBe(true);
    expect(connection.state).toBe('closed');
    clock.advance(60 * 60_000);
    expect(sockets.sockets).toHaveLength(1);

    connection.networkReturned();
    expect(sockets.sockets).toHaveLength(2);
    expect(connection.state).toBe('connecting');
    sockets.last.open();
    expect(calls.connected).toBe(2);
  });

  it('replaces a socket that never saw the network go when it returns (it may be stale)', () => {
    const { sockets, connection, startOpen } = setup();
    startOpen();
    const stale = sockets.last;
    connection.networkReturned();
    expect(stale.closedByClient).toBe(true);
    expect(sockets.sockets).toHaveLength(2);
  });

  it('does not connect when started offline, until the network returns', () => {
    const { sockets, connection } = setup();
    connection.networkLost();
    connection.start();
    expect(sockets.sockets).toHaveLength(0);
    connection.networkReturned();
    expect(sockets.sockets).toHaveLength(1);
  });

  it('closes the socket on stop and never reconnects', async () => {
    const { clock, sockets, connection, calls, startOpen } = setup({ cursorVersion: 0 });
    startOpen();
    const socket = sockets.last;
    connection.stop();
    expect(socket.closedByClient).toBe(true);
    expect(connection.state).toBe('stopped');
    socket.receive(frame({ type: 'poke', space: SPACE, version: 9 }));
    socket.serverClose(ABNORMAL_CLOSURE);
    clock.advance(60 * 60_000);
    await flushPromises();
    expect(sockets.sockets).toHaveLength(1);
    expect(calls.passes).toBe(0);
  });

  it('retries when the socket cannot even be created', () => {
    const clock = virtualClock();
    let attempts = 0;
    const connection = new RealtimeConnection({
      url: 'not a url',
      openSocket: () => {
        attempts += 1;
        throw new SyntaxError('invalid URL');
      },
      isNewer: () => true,
      requestSync: () => undefined,
      connected: () => undefined,
      unauthenticated: () => undefined,
      timer: clock.timer,
      random: () => 0.5,
      now: clock.now,
    });
    connection.start();
    expect(connection.state).toBe('closed');
    clock.advance(clock.pendingDelays()[0]!);
    expect(attempts).toBe(2);
  });
});
