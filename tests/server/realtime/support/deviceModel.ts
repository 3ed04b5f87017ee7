/**
 * A device the way the real client behaves (protocol.md, "Real time"), reduced to what the
 * server tests need: open the socket, pull on hello (every (re)connect) and on a poke newer than
 * what it has, one pass at a time; when the socket dies, reconnect (here: when the test allows,
 * so it can write while the device is away).
 */
import type { PullResponse } from '../../../../src/contract';
import { HttpUser, newClientId } from './httpClient';
import { TestSocket } from './testSocket';

export class DeviceModel {
  readonly clientId = newClientId();
  /** articleId → the saved register's value, as pulled. */
  readonly saved = new Map<string, boolean>();
  /** The highest version pulled per space. */
  readonly versions = new Map<string, number>();
  socket: TestSocket | null = null;
  connections = 0;
  #cursor: string | null = null;
  #pass: Promise<void> = Promise.resolve();
  #again = false;
  #pulling = false;

  constructor(
    readonly user: HttpUser,
    readonly wsUrl: string,
  ) {}

  async connect(): Promise<TestSocket> {
    const socket = await TestSocket.open(this.wsUrl, { headers: this.user.cookie });
    this.socket = socket;
    this.connections++;
    socket.ws.on('message', () => {
      const poke = socket.ofType('poke').at(-1);
      if (poke && poke.version > (this.versions.get(poke.space) ?? 0)) this.sync();
    });
    this.sync(); // on (re)connect: pokes may have been missed while away
    return socket;
  }

  /** Runs a pull pass, or one more after the current one. */
  sync(): Promise<void> {
    if (this.#pulling) {
      this.#again = true;
      return this.#pass;
    }
    this.#pulling = true;
    this.#pass = (async () => {
      try {
        do {
          this.#again = false;
          const { cursor, changes } = await this.user.pullAll(this.clientId, this.#cursor);
          this.#apply(changes);
          this.#cursor = cursor;
        } while (this.#again);
      } finally {
        this.#pulling = false;
      }
    })();
    return this.#pass;
  }

  #apply(changes: PullResponse['changes']): void {
    for (const change of changes) {
      this.saved.set(change.articleId, change.saved.value);
      this.versions.set(change.space, Math.max(change.version, this.versions.get(change.space) ?? 0));
    }
  }
}
