import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { CLOSE_SERVER_RESTART } from '../../../src/contract';
import { POKE_SKIP_BUFFERED_BYTES, RealtimeHub, type RealtimeObserver } from '../../../server/realtime/realtimeHub';
import { withoutQueryToken } from '../../../server/realtime/requestLogSerializer';
import { SocketRegistry } from '../../../server/realtime/socketRegistry';

/** What the hub uses of a ws socket, recording what it is asked to do. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readonly CLOSED = 3;
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: string[] = [];
  closedWith: number | null = null;
  pinged = 0;
  send(text: string) {
    this.sent.push(text);
  }
  ping() {
    this.pinged++;
  }
  close(code: number) {
    this.closedWith = code;
    this.readyState = this.CLOSED;
    this.emit('close', code);
  }
  terminate() {
    this.readyState = this.CLOSED;
    this.emit('close', 1006);
  }
}

function hub(observer?: RealtimeObserver) {
  const quiet = { warn() {}, debug() {} };
  return new RealtimeHub({ serverHlc: () => '000000000000001-0000-server', sessionActive: async () => true, log: quiet, observer });
}

function accept(target: RealtimeHub, spaces: string[], tokenHash = 'a'.repeat(64)): FakeSocket {
  const socket = new FakeSocket();
  target.accept(socket as unknown as WebSocket, { userId: 'u1', tokenHash, spaces });
  return socket;
}

const pokesIn = (socket: FakeSocket) => socket.sent.map((text) => JSON.parse(text)).filter((m) => m.type === 'poke');

describe('RealtimeHub', () => {
  it('says hello first, then pokes only the sockets subscribed to the space', () => {
    const target = hub();
    const mine = accept(target, ['u:me']);
    const theirs = accept(target, ['u:them']);
    target.deliver({ type: 'poke', space: 'u:me', version: 7 });
    expect(JSON.parse(mine.sent[0]!)).toEqual({ type: 'hello', serverHlc: '000000000000001-0000-server' });
    expect(pokesIn(mine)).toEqual([{ type: 'poke', space: 'u:me', version: 7 }]);
    expect(pokesIn(theirs)).toEqual([]);
  });

  it('skips pokes to a socket whose send buffer is backed up, and resumes when it drains', () => {
    const target = hub();
    const slow = accept(target, ['u:me']);
    const fast = accept(target, ['u:me']);
    slow.bufferedAmount = POKE_SKIP_BUFFERED_BYTES + 1;
    target.deliver({ type: 'poke', space: 'u:me', version: 1 });
    slow.bufferedAmount = 0;
    target.deliver({ type: 'poke', space: 'u:me', version: 2 });
    expect(pokesIn(slow).map((poke) => poke.version)).toEqual([2]);
    expect(pokesIn(fast).map((poke) => poke.version)).toEqual([1, 2]);
  });

  it('forgets a socket once it closes', () => {
    const target = hub();
    const socket = accept(target, ['u:me']);
    socket.close(1000);
    target.deliver({ type: 'poke', space: 'u:me', version: 1 });
    expect(pokesIn(socket)).toEqual([]);
    expect(target.size).toBe(0);
  });

  it('terminates a socket that missed a whole heartbeat, and counts that as an abnormal drop', () => {
    const closes: boolean[] = [];
    const target = hub({ opened() {}, closed: (abnormal) => closes.push(abnormal) });
    const answering = accept(target, ['u:me']);
    const silent = accept(target, ['u:me']);
    target.heartbeat();
    answering.emit('pong');
    target.heartbeat();
    expect(silent.readyState).toBe(silent.CLOSED);
    expect(answering.readyState).toBe(answering.OPEN);
    expect(answering.pinged).toBe(2);
    answering.close(1000);
    expect(closes).toEqual([true, false]);
  });

  it('closes every socket with 1012 on shutdown, and turns away sockets that open meanwhile', async () => {
    const target = hub();
    const sockets = [accept(target, ['u:me']), accept(target, ['u:you'])];
    await target.shutdown(1_000);
    const late = accept(target, ['u:me']);
    expect([...sockets, late].map((socket) => socket.closedWith)).toEqual([CLOSE_SERVER_RESTART, CLOSE_SERVER_RESTART, CLOSE_SERVER_RESTART]);
    expect(late.sent).toEqual([]);
  });
});

describe('SocketRegistry', () => {
  it('indexes by space and by session, and drops empty entries', () => {
    const registry = new SocketRegistry<{ spaces: string[]; tokenHash: string; name: string }>();
    const phone = { spaces: ['u:1', 'c:9'], tokenHash: 't1', name: 'phone' };
    const laptop = { spaces: ['u:1'], tokenHash: 't2', name: 'laptop' };
    registry.add(phone);
    registry.add(laptop);
    expect(registry.inSpace('u:1').map((s) => s.name)).toEqual(['phone', 'laptop']);
    expect(registry.inSpace('c:9').map((s) => s.name)).toEqual(['phone']);
    expect(registry.withToken('t2').map((s) => s.name)).toEqual(['laptop']);
    registry.remove(phone);
    registry.remove(phone);
    expect(registry.inSpace('c:9')).toEqual([]);
    expect(registry.tokenHashes()).toEqual(['t2']);
    expect(registry.size).toBe(1);
  });
});

describe('request logs', () => {
  it('never carry a ?token= value', () => {
    expect(withoutQueryToken('/api/v1/sync/ws?token=secret&x=1')).toBe('/api/v1/sync/ws?token=[redacted]&x=1');
    expect(withoutQueryToken('/api/v1/sync/ws?a=1&TOKEN=secret')).toBe('/api/v1/sync/ws?a=1&TOKEN=[redacted]');
    expect(withoutQueryToken('/api/v1/articles?q=token')).toBe('/api/v1/articles?q=token');
  });
});
