/**
 * The device's end of the real-time channel (protocol.md, "Real time"; src/contract/realtime.ts):
 * one WebSocket that turns the server's pokes into sync passes. No React, no DOM: the socket,
 * the timer, the jitter and the clock are injected, so unit tests drive it by hand.
 *
 * - A poke whose version is beyond the local cursor asks for a pass; an older one is ignored
 *   (the pull that delivered it already ran). Frames that are not the contract's are ignored.
 * - Every (re)connect asks for one pass: pokes sent while the socket was down are lost.
 * - Heartbeat: a `ping` every REALTIME_PING_INTERVAL_MS; no frame at all within
 *   REALTIME_PONG_TIMEOUT_MS of it (or no open within that long of connecting) means the socket
 *   is dead (a dropped route, a sleeping laptop): close it and reconnect.
 * - Reconnects back off exponentially with full jitter (retryDelayMs); the backoff starts over
 *   after a connection that the server greeted and that stayed up STABLE_CONNECTION_MS (a
 *   socket that opens and never speaks, like an interceptor answering with no server behind
 *   it, keeps backing off). Close 1012 (server restart): back
 *   within RETRY_BASE_MS (1 s). Close 4401 (session ended): stop and tell the session.
 * - `networkLost()` (the browser's `offline`) closes the socket and waits: an open socket stays
 *   OPEN offline yet loses what the server sends (environment.md). `networkReturned()`
 *   (`online`) reconnects at once with the backoff reset.
 *
 * Polling is not this module's business: the session keeps its 60 s timer, `online` and
 * `visibilitychange` passes running whatever `state` says (see realtimeSession.ts for why).
 */
import { parseServerMessage, REALTIME_PING_INTERVAL_MS, REALTIME_PONG_TIMEOUT_MS, CLOSE_SERVER_RESTART, CLOSE_UNAUTHENTICATED } from '../../contract/realtime';
import { retryDelayMs } from '../retryDelayMs';
import type { SyncTimer } from '../SyncEngine';

/** A connection greeted this long ago was healthy: the next drop backs off from the start (ms). */
export const STABLE_CONNECTION_MS = 10_000;

/**
 * connecting: a socket is opening; open: it is up (pokes arrive); closed: down, a reconnect is
 * scheduled or the network is away; stopped: for good (stop() or the session ended).
 */
export type RealtimeState = 'connecting' | 'open' | 'closed' | 'stopped';

/** What the connection hears from its socket. */
export interface RealtimeSocketEvents {
  open(): void;
  /** One frame's payload: a string for text frames (anything else is ignored). */
  message(data: unknown): void;
  /** The socket closed (or failed to open), with the close code the platform reports. */
  close(code: number): void;
}

/** The part of a WebSocket the connection uses. */
export interface RealtimeSocket {
  send(text: string): void;
  close(): void;
}

/** Opens a socket to `url` reporting to `events`; may throw (a malformed URL). */
export type OpenRealtimeSocket = (url: string, events: RealtimeSocketEvents) => RealtimeSocket;

export interface RealtimeConnectionOptions {
  readonly url: string;
  readonly openSocket: OpenRealtimeSocket;
  /** Is `version` of `space` beyond what this device has pulled? (reads the stored cursor) */
  readonly isNewer: (space: string, version: number) => boolean | Promise<boolean>;
  /** Ask for a sync pass (engine.requestSync). */
  readonly requestSync: () => void;
  /** The socket is up after being down: one pass, pokes may have been missed (engine.networkReturned). */
  readonly connected: () => void;
  /** The server closed with 4401: the session ended; the connection has stopped. */
  readonly unauthenticated: () => void;
  /** The server's HLC from `hello`. */
  readonly serverHlc?: (hlc: string) => void;
  readonly stateChanged?: (state: RealtimeState) => void;
  readonly timer?: SyncTimer;
  /** Jitter source in [0, 1); Math.random by default. */
  readonly random?: () => number;
  /** Wall clock in ms; Date.now by default. */
  readonly now?: () => number;
}

const globalTimer: SyncTimer = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

type TimerName = 'reconnect' | 'ping' | 'deadline';

const PING_FRAME = JSON.stringify({ type: 'ping' });

export class RealtimeConnection {
  readonly #options: RealtimeConnectionOptions;
  readonly #timer: SyncTimer;
  readonly #random: () => number;
  readonly #now: () => number;

  #state: RealtimeState = 'closed';
  #started = false;
  #offline = false;
  #socket: RealtimeSocket | null = null;
  /** Bumped whenever a socket is dropped, so its late events are ignored. */
  #generation = 0;
  /** When the current socket got its first frame (the server's `hello`); null before. */
  #greetedAtMs: number | null = null;
  /** Consecutive failed or short-lived connections: the backoff exponent. */
  #attempt = 0;
  /**
   * reconnect: the next attempt; ping: the next heartbeat; deadline: armed after a ping (and
   * while connecting) until a frame (or the open) arrives.
   */
  readonly #handles = new Map<TimerName, unknown>();

  constructor(options: RealtimeConnectionOptions) {
    this.#options = options;
    this.#timer = options.timer ?? globalTimer;
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? Date.now;
  }

  get state(): RealtimeState {
    return this.#state;
  }

  /** Connect (unless the network is known to be away). Once; later calls do nothing. */
  start(): void {
    if (this.#started || this.#state === 'stopped') return;
    this.#started = true;
    if (!this.#offline) this.#connect();
  }

  /** Close for good (sign-out, another tab leads now). */
  stop(): void {
    if (this.#state === 'stopped') return;
    this.#dropSocket();
    this.#cancel('reconnect');
    this.#setState('stopped');
  }

  /** The browser went offline: close the socket (it would lose messages) and wait for networkReturned. */
  networkLost(): void {
    if (this.#state === 'stopped') return;
    this.#offline = true;
    this.#dropSocket();
    this.#cancel('reconnect');
    this.#setState('closed');
  }

  /** The browser is online again: a fresh socket now, the backoff started over. */
  networkReturned(): void {
    if (this.#state === 'stopped') return;
    this.#offline = false;
    this.#attempt = 0;
    if (!this.#started) return;
    this.#dropSocket();
    this.#connect();
  }

  #connect(): void {
    this.#cancel('reconnect');
    this.#setState('connecting');
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    try {
      this.#socket = this.#options.openSocket(this.#options.url, {
        open: () => current() && this.#onOpen(),
        message: (data) => current() && this.#onMessage(data),
        close: (code) => current() && this.#onClose(code),
      });
    } catch {
      this.#onClose(0);
      return;
    }
    // A socket that never opens (a black-holed route) is as dead as one that stops answering.
    this.#arm('deadline', REALTIME_PONG_TIMEOUT_MS, () => this.#onDead());
  }

  #onOpen(): void {
    this.#cancel('deadline');
    this.#setState('open');
    this.#schedulePing();
    this.#options.connected();
  }

  #onMessage(data: unknown): void {
    // Any frame proves the socket alive, junk included.
    this.#cancel('deadline');
    this.#greetedAtMs ??= this.#now();
    if (typeof data !== 'string') return;
    const message = parseServerMessage(data);
    if (message?.type === 'hello') this.#options.serverHlc?.(message.serverHlc);
    if (message?.type === 'poke') void this.#onPoke(message.space, message.version);
  }

  async #onPoke(space: string, version: number): Promise<void> {
    let newer: boolean;
    try {
      newer = await this.#options.isNewer(space, version);
    } catch {
      // The cursor could not be read: a pull is the safe side.
      newer = true;
    }
    if (newer && this.#state !== 'stopped') this.#options.requestSync();
  }

  /** The server (or the platform) closed the socket. */
  #onClose(code: number): void {
    if (code === CLOSE_UNAUTHENTICATED) {
      this.stop();
      this.#options.unauthenticated();
      return;
    }
    // 1012: another instance (or this one, restarted) takes the socket within RETRY_BASE_MS;
    // if that fails too, the backoff goes on from there.
    this.#lostConnection(code === CLOSE_SERVER_RESTART);
  }

  /** No frame within the heartbeat deadline: close the socket ourselves. */
  #onDead(): void {
    this.#lostConnection(false);
  }

  #lostConnection(startOver: boolean): void {
    const stayedUp = this.#greetedAtMs !== null && this.#now() - this.#greetedAtMs >= STABLE_CONNECTION_MS;
    this.#dropSocket();
    if (startOver || stayedUp) this.#attempt = 0;
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    this.#setState('closed');
    if (this.#offline) return;
    const delayMs = retryDelayMs(this.#attempt, this.#random);
    this.#attempt += 1;
    this.#arm('reconnect', delayMs, () => this.#connect());
  }

  #schedulePing(): void {
    this.#arm('ping', REALTIME_PING_INTERVAL_MS, () => {
      this.#send(PING_FRAME);
      if (!this.#handles.has('deadline')) this.#arm('deadline', REALTIME_PONG_TIMEOUT_MS, () => this.#onDead());
      this.#schedulePing();
    });
  }

  #send(text: string): void {
    try {
      this.#socket?.send(text);
    } catch {
      // A socket that cannot send is caught by the heartbeat deadline.
    }
  }

  /** Forget the current socket (its later events are ignored) and close it; stops the heartbeat. */
  #dropSocket(): void {
    this.#generation += 1;
    this.#cancel('ping');
    this.#cancel('deadline');
    this.#greetedAtMs = null;
    const socket = this.#socket;
    this.#socket = null;
    try {
      socket?.close();
    } catch {
      // Already closed.
    }
  }

  #arm(which: TimerName, ms: number, callback: () => void): void {
    this.#cancel(which);
    const handle = this.#timer.setTimeout(() => {
      this.#handles.delete(which);
      callback();
    }, ms);
    this.#handles.set(which, handle);
  }

  #cancel(which: TimerName): void {
    if (!this.#handles.has(which)) return;
    this.#timer.clearTimeout(this.#handles.get(which));
    this.#handles.delete(which);
  }

  #setState(state: RealtimeState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#options.stateChanged?.(state);
  }
}
