/**
 * Test doubles for the real-time connection: a virtual clock whose timers fire only when the
 * test advances it (no sleeps), and sockets the test opens, feeds and closes by hand.
 */
import type { OpenRealtimeSocket, RealtimeSocket, RealtimeSocketEvents } from '../../../../src/sync/realtime';
import type { SyncTimer } from '../../../../src/sync/SyncEngine';

interface Scheduled {
  readonly dueMs: number;
  readonly delayMs: number;
  readonly callback: () => void;
  cleared: boolean;
}

export function virtualClock(startMs = 1_000_000) {
  let nowMs = startMs;
  const scheduled: Scheduled[] = [];
  const timer: SyncTimer = {
    setTimeout(callback, ms) {
      const handle: Scheduled = { dueMs: nowMs + ms, delayMs: ms, callback, cleared: false };
      scheduled.push(handle);
      return handle;
    },
    clearTimeout(handle) {
      (handle as Scheduled).cleared = true;
    },
  };
  const live = () => scheduled.filter((entry) => !entry.cleared).sort((a, b) => a.dueMs - b.dueMs);
  return {
    timer,
    now: () => nowMs,
    /** Delays (ms) of the timers still pending, soonest first. */
    pendingDelays: () => live().map((entry) => entry.delayMs),
    /** Moves time forward, firing every timer that falls due on the way, in order. */
    advance(ms: number) {
      const endMs = nowMs + ms;
      for (;;) {
        const [next] = live();
        if (!next || next.dueMs > endMs) break;
        nowMs = next.dueMs;
        next.cleared = true;
        next.callback();
      }
      nowMs = endMs;
    },
  };
}

export interface FakeSocket extends RealtimeSocket {
  readonly url: string;
  readonly sent: string[];
  /** The client closed it. */
  closedByClient: boolean;
  /** Server side: the upgrade succeeded. */
  open(): void;
  /** Server side: a text frame (or anything else the platform could deliver). */
  receive(data: unknown): void;
  /** Server side (or the platform): the socket closed with `code`. */
  serverClose(code: number): void;
}

/** Every socket the connection opened, newest last. */
export function fakeSockets() {
  const sockets: FakeSocket[] = [];
  const open: OpenRealtimeSocket = (url: string, events: RealtimeSocketEvents) => {
    const socket: FakeSocket = {
      url,
      sent: [],
      closedByClient: false,
      send(text) {
        socket.sent.push(text);
      },
      close() {
        socket.closedByClient = true;
      },
      open: () => events.open(),
      receive: (data) => events.message(data),
      serverClose: (code) => events.close(code),
    };
    sockets.push(socket);
    return socket;
  };
  return {
    open,
    sockets,
    get last(): FakeSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket opened yet');
      return socket;
    },
  };
}

/** Lets pending promise callbacks run until `condition` holds (no timers, no sleeping). */
export async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1_000 && !condition(); i += 1) await Promise.resolve();
  if (!condition()) throw new Error('condition never held');
}

/** Lets every promise callback queued so far run. */
export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}
