/**
 * The sockets of one instance: accepts an authenticated socket (subscribes it to its user's
 * spaces, then says hello), fans each pub/sub event out to the sockets it concerns, keeps the
 * sockets honest (heartbeat, session revalidation) and closes them all on shutdown.
 *
 * Per socket the rules are (contract: src/contract/realtime.ts):
 * - text frame `{"type":"ping"}` → `{"type":"pong"}`; any other text frame is IGNORED: a newer
 *   client may send a message this server does not know yet, and closing would put it in a
 *   reconnect loop during a rolling upgrade. A binary frame closes with 1003 (no client of this
 *   protocol sends one); a frame over MESSAGE_MAX_BYTES closes with 1009 (ws enforces it).
 * - a poke is skipped for a socket whose send buffer holds more than POKE_SKIP_BUFFERED_BYTES
 *   (a client that stopped reading): a later poke or its 60 s poll covers it, and memory stays
 *   bounded.
 */
import type { WebSocket } from 'ws';
import { CLOSE_SERVER_RESTART, CLOSE_UNAUTHENTICATED, parseClientMessage, type ServerMessage } from '../../src/contract';
import type { RealtimeEvent } from './realtimeEvent';
import { SocketRegistry } from './socketRegistry';

/** Above this many bytes waiting in a socket's send buffer, pokes to it are skipped. */
export const POKE_SKIP_BUFFERED_BYTES = 64 * 1024;
/** Client messages are a few bytes; ws closes with 1009 above this. */
export const MESSAGE_MAX_BYTES = 4 * 1024;
/** WebSocket close code 1003 "Unsupported Data": a binary frame on this text protocol. */
export const CLOSE_UNSUPPORTED_DATA = 1003;
/** WebSocket close code 1006: the connection ended without a close frame (never sent, only reported). */
const CLOSE_ABNORMAL = 1006;
/** The reconnect hint sent with CLOSE_SERVER_RESTART. */
export const RESTART_REASON = 'server restarting: reconnect';
export const SESSION_ENDED_REASON = 'session ended: sign in again';

/** Who a socket belongs to: settled before the upgrade (realtimeRoute.ts). */
export interface SocketSession {
  /** The signed-in user, or the owner of the public page an anonymous socket watches. */
  readonly userId: string;
  /** null: an anonymous watcher of a public page (no session to revalidate or end). */
  readonly tokenHash: string | null;
  readonly spaces: readonly string[];
}

interface Connection extends SocketSession {
  readonly socket: WebSocket;
  /** Answered since the last heartbeat (a pong or any message). */
  alive: boolean;
  /** Ended by the server without a close handshake (missed heartbeat): an abnormal drop. */
  terminated: boolean;
}

/** Counts sockets for the metrics (server/metrics/realtimeMetrics.ts has the same shape). */
export interface RealtimeObserver {
  opened(): void;
  /** abnormal: no close handshake (1006, or terminated by the server). */
  closed(abnormal: boolean): void;
}

export interface RealtimeHubDeps {
  /** The server clock's current HLC, for `hello`. */
  readonly serverHlc: () => string;
  /** Whether the session behind a token hash is still active (revalidation). */
  readonly sessionActive: (tokenHash: string) => Promise<boolean>;
  /** The part of a pino logger the hub uses. */
  readonly log: {
    warn(details: object, message: string): void;
    debug(details: object, message: string): void;
  };
  readonly observer?: RealtimeObserver | undefined;
}

const PONG_TEXT = JSON.stringify({ type: 'pong' } satisfies ServerMessage);

export class RealtimeHub {
  readonly #deps: RealtimeHubDeps;
  readonly #registry = new SocketRegistry<Connection>();
  #shuttingDown = false;
  #revalidating = false;

  constructor(deps: RealtimeHubDeps) {
    this.#deps = deps;
  }

  get size(): number {
    return this.#registry.size;
  }

  accept(socket: WebSocket, session: SocketSession): void {
    if (this.#shuttingDown) {
      socket.close(CLOSE_SERVER_RESTART, RESTART_REASON);
      return;
    }
    const connection: Connection = { ...session, socket, alive: true, terminated: false };
    // Subscribed before hello: the device pulls on hello, so every commit after that pull is poked.
    this.#registry.add(connection);
    this.#deps.observer?.opened();
    socket.on('message', (data, isBinary) => this.#onMessage(connection, data, isBinary));
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.once('close', (code: number) => {
      this.#registry.remove(connection);
      this.#deps.observer?.closed(code === CLOSE_ABNORMAL || connection.terminated);
    });
    socket.send(JSON.stringify({ type: 'hello', serverHlc: this.#deps.serverHlc() } satisfies ServerMessage));
  }

  /** An event from pub/sub (any instance). */
  deliver(event: RealtimeEvent): void {
    if (event.type === 'poke') {
      const targets = this.#registry.inSpace(event.space);
      if (targets.length === 0) return;
      const text = JSON.stringify({ type: 'poke', space: event.space, version: event.version } satisfies ServerMessage);
      for (const { socket } of targets) {
        if (socket.readyState === socket.OPEN && socket.bufferedAmount <= POKE_SKIP_BUFFERED_BYTES) socket.send(text);
      }
    } else {
      for (const { socket } of this.#registry.withToken(event.tokenHash)) socket.close(CLOSE_UNAUTHENTICATED, SESSION_ENDED_REASON);
    }
  }

  /**
   * One heartbeat round: a socket that has not answered since the previous round is
   * terminated (a half-open TCP connection would otherwise hold memory for hours); the others
   * are pinged at the protocol level (browsers answer on their own).
   */
  heartbeat(): void {
    for (const connection of this.#registry.all()) {
      if (!connection.alive) {
        connection.terminated = true;
        this.#deps.log.debug({ userId: connection.userId }, 'terminating a socket that missed a heartbeat');
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }

  /**
   * Closes (4401) the sockets of sessions that ended without a sign-out reaching pub/sub:
   * expiry, or a revocation made while an instance was cut off from the broker. One lookup per
   * session, not per socket. A database error leaves the sockets open (it proves nothing).
   */
  async revalidateSessions(): Promise<void> {
    if (this.#revalidating) return;
    this.#revalidating = true;
    try {
      for (const tokenHash of this.#registry.tokenHashes()) {
        let active: boolean;
        try {
          active = await this.#deps.sessionActive(tokenHash);
        } catch (error) {
          this.#deps.log.warn({ err: error }, 'session revalidation failed; sockets stay open');
          return;
        }
        if (!active) this.deliver({ type: 'session_ended', tokenHash });
      }
    } finally {
      this.#revalidating = false;
    }
  }

  /**
   * Closes every socket with 1012 and the reconnect hint, and resolves when they are all closed;
   * a client that does not complete the close handshake within `graceMs` is cut off.
   */
  async shutdown(graceMs: number): Promise<void> {
    this.#shuttingDown = true;
    const connections = this.#registry.all();
    const closed = connections.map(
      ({ socket }) => new Promise<void>((resolve) => (socket.readyState === socket.CLOSED ? resolve() : socket.once('close', () => resolve()))),
    );
    for (const { socket } of connections) socket.close(CLOSE_SERVER_RESTART, RESTART_REASON);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.all(closed), grace]);
    clearTimeout(timer);
    for (const { socket } of this.#registry.all()) socket.terminate();
    await Promise.all(closed);
  }

  #onMessage(connection: Connection, data: unknown, isBinary: boolean): void {
    connection.alive = true;
    if (isBinary) {
      connection.socket.close(CLOSE_UNSUPPORTED_DATA, 'text frames only');
      return;
    }
    const message = parseClientMessage(String(data));
    if (message?.type === 'ping') connection.socket.send(PONG_TEXT);
  }
}
