/**
 * A `ws` client that records what the server sends, so tests wait for a message or a close
 * (with a timeout that fails the test) instead of sleeping.
 */
import { WebSocket, type ClientOptions } from 'ws';
import { parseServerMessage, type ServerMessage } from '../../../../src/contract';

/** Long enough for a loaded 2-core machine; a hang guard, never a wait. */
export const WAIT_MS = 5_000;

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

export class TestSocket {
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<Closed>;
  readonly #waiters = new Set<() => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = parseServerMessage(String(data));
      if (!message) throw new Error(`the server sent a frame that is not the contract's: ${String(data)}`);
      this.messages.push(message);
      for (const wake of [...this.#waiters]) wake();
    });
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Opens and waits for the server's hello. */
  static async open(url: string, options: ClientOptions = {}): Promise<TestSocket> {
    const socket = new TestSocket(new WebSocket(url, options));
    await socket.next('hello');
    return socket;
  }

  /** The index-th message of `type` (0 = the first ever received), waiting for it if need be. */
  next<T extends ServerMessage['type']>(type: T, index = 0, timeoutMs = WAIT_MS): Promise<Extract<ServerMessage, { type: T }>> {
    return this.until(() => this.ofType(type)[index], `message #${index} of type ${type}`, timeoutMs);
  }

  /** Waits until a received message satisfies `find` (checked on every message). */
  until<R>(find: () => R | undefined, what: string, timeoutMs = WAIT_MS): Promise<R> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const fail = (why: string) => {
        cleanup();
        reject(new Error(`${why} while waiting for ${what}; received ${JSON.stringify(this.messages)}`));
      };
      const onClose = () => setImmediate(() => check() || fail('socket closed'));
      const timer = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.#waiters.delete(check);
        this.ws.off('close', onClose);
        this.ws.off('error', onError);
      };
      const onError = (error: Error) => fail(`socket error ${error.message}`);
      if (check()) return;
      this.#waiters.add(check);
      this.ws.once('close', onClose);
      this.ws.once('error', onError);
    });
  }

  ofType<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }>[] {
    return this.messages.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type);
  }

  send(text: string): void {
    this.ws.send(text);
  }

  /** Closes (or cuts, when `terminate`) and waits for the close. */
  async close(terminate = false): Promise<Closed> {
    if (this.ws.readyState !== WebSocket.CLOSED) {
      if (terminate) this.ws.terminate();
      else this.ws.close();
    }
    return this.closed;
  }
}

export interface Refusal {
  readonly status: number;
  readonly body: unknown;
}

/** Tries to open a socket that the server must refuse before the upgrade; resolves with its HTTP answer. */
export function refusedUpgrade(url: string, options: ClientOptions = {}): Promise<Refusal> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('error', (error) => reject(error));
    ws.once('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        ws.terminate();
        resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null });
      });
    });
  });
}
