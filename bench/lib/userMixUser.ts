/**
 * One simulated user of the user-mix benchmark, behaving like one device of the real client:
 * it keeps its clientId, a gapless mutation counter with an outbox (entries leave it only when
 * a push response acknowledges them, so a failed push is re-sent with the same ids), an HLC
 * clock it advances on every server HLC, its pull cursor, and the set of articles it holds as
 * saved (from its pulls and its own writes). Pushes and pulls run one at a time per user, as
 * the client's sync lock makes them; listing and REST writes do not wait for them. It holds
 * one WebSocket: a poke newer than its cursor queues a pull (coalesced, as the client does).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { PUSH_BATCH_MAX, SYNC_SCHEMA_VERSION, SYNC_WS_PATH, parseServerMessage, routes, type FavoriteSetArgs, type Mutation } from '../../src/contract';
import { createClock, recv, send, type HlcState } from '../../src/core/hlc';
import type { Random } from '../../src/seed/random';
import { pokeIsNewer } from '../../src/sync/realtime/pokeIsNewer';
import { MUTATIONS_PER_PUSH_MAX, pickAction, thinkTimeMs, type RequestKind, type UserAction } from './userMixPlan';
import { userHttp, type TimedResponse, type UserHttp } from './userMixHttp';

/** Where the users' requests are counted. */
export interface RequestLog {
  record(kind: RequestKind, response: TimedResponse): void;
}

/** The client's heartbeat (REALTIME_PING_INTERVAL_MS in the contract). */
const PING_INTERVAL_MS = 25_000;
/** Tries at finding an article the user has not saved before giving up on one mutation. */
const UNSAVED_PICK_TRIES = 20;

export interface SimulatedUserOptions {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  readonly userId: string;
  readonly clientId: string;
  readonly articleIds: readonly string[];
  readonly random: Random;
  readonly thinkMeanMs: number;
}

interface PullBody {
  readonly cursor: string;
  readonly hasMore: boolean;
  readonly serverHlc: string;
  readonly changes: readonly { readonly articleId: string; readonly saved: { readonly value: boolean } }[];
}

interface PushBody {
  readonly lastMutationId: number;
  readonly serverHlc: string;
  readonly results: readonly { readonly status: string }[];
}

const ok = (response: TimedResponse) => response.status >= 200 && response.status < 300;

export class SimulatedUser {
  readonly space: string;
  /** Pokes received for the user's space; pulls they caused are logged as `pullOnPoke`. */
  pokes = 0;
  /** Mutations the server answered `rejected` (the mix should cause none). */
  rejected = 0;
  /** The socket closed or failed while the user was running. */
  socketDrops = 0;
  private readonly http: UserHttp;
  private clock: HlcState;
  private nextMutationId = 1;
  private outbox: Mutation[] = [];
  private cursor: string | null = null;
  private readonly saved = new Set<string>();
  private syncChain: Promise<void> = Promise.resolve();
  private pokePullQueued = false;
  private socket: WebSocket | null = null;
  private ping: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly options: SimulatedUserOptions,
    private log: RequestLog,
  ) {
    this.space = `u:${options.userId}`;
    this.http = userHttp(options.host, options.port, options.token);
    this.clock = createClock(options.clientId, Date.now());
  }

  /** Where requests are counted from now on (setup requests go to a scratch log). */
  logTo(log: RequestLog): void {
    this.log = log;
  }

  savedCount(): number {
    return this.saved.size;
  }

  /** Opens the real-time channel and waits for the server's hello. */
  openSocket(): Promise<void> {
    const { host, port, token } = this.options;
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://${host}:${port}${SYNC_WS_PATH}`, {
        headers: { authorization: `Bearer ${token}` },
        perMessageDeflate: false,
      });
      this.socket = socket;
      socket.once('error', reject);
      socket.on('message', (data) => {
        const message = parseServerMessage(String(data));
        if (message?.type === 'hello') {
          this.clock = recv(this.clock, message.serverHlc, Date.now());
          socket.off('error', reject);
          socket.on('error', () => undefined); // counted by 'close'
          resolve();
        } else if (message?.type === 'poke' && message.space === this.space) {
          this.onPoke(message.version);
        }
      });
      socket.on('close', () => {
        if (!this.stopped) this.socketDrops += 1;
      });
      this.ping = setInterval(() => {
        if (socket.readyState === WebSocket.OPEN) socket.send('{"type":"ping"}');
      }, PING_INTERVAL_MS);
      this.ping.unref();
    });
  }

  /** A fresh device's first sync: every page from a null cursor. */
  initialSync(): Promise<void> {
    return this.serialized(() => this.pullPages('pull'));
  }

  /** The closed loop: think, act, until `stopAtMs` (performance.now() time). */
  async run(stopAtMs: number): Promise<void> {
    const { random, thinkMeanMs } = this.options;
    for (;;) {
      const pause = thinkTimeMs(random, thinkMeanMs);
      if (performance.now() + pause >= stopAtMs) break;
      await sleep(pause);
      await this.act(pickAction(random));
    }
    await this.syncChain;
  }

  close(): void {
    this.stopped = true;
    if (this.ping) clearInterval(this.ping);
    this.socket?.terminate();
    this.http.close();
  }

  private act(action: UserAction): Promise<void> {
    const { random } = this.options;
    switch (action) {
      case 'list':
        return this.list();
      case 'pushSave':
        return this.push('pushSave', this.saveArgs(random.int(1, MUTATIONS_PER_PUSH_MAX)));
      case 'pushRemove': {
        const removals = this.removeArgs(random.int(1, MUTATIONS_PER_PUSH_MAX));
        // Nothing left to remove: the user saves something instead.
        return removals.length > 0 ? this.push('pushRemove', removals) : this.push('pushSave', this.saveArgs(1));
      }
      case 'pull':
        return this.serialized(() => this.pullPages('pull'));
      case 'rest':
        return random.chance(0.5) || this.saved.size === 0 ? this.restPut() : this.restDelete();
    }
  }

  private async list(): Promise<void> {
    this.log.record('list', await this.http.request('GET', `${routes.listFavorites.path}?limit=50`));
  }

  private saveArgs(count: number): FavoriteSetArgs[] {
    const { articleIds, random } = this.options;
    const chosen = new Set<string>();
    for (let i = 0; i < count; i++) {
      for (let tries = 0; tries < UNSAVED_PICK_TRIES; tries++) {
        const articleId = random.pick(articleIds);
        if (!this.saved.has(articleId) && !chosen.has(articleId)) {
          chosen.add(articleId);
          break;
        }
      }
    }
    return [...chosen].map((articleId) => ({ articleId, saved: true }));
  }

  private removeArgs(count: number): FavoriteSetArgs[] {
    const saved = [...this.saved];
    const chosen = new Set<string>();
    while (chosen.size < Math.min(count, saved.length)) chosen.add(this.options.random.pick(saved));
    return [...chosen].map((articleId) => ({ articleId, saved: false }));
  }

  /** Queues the writes in the outbox (applied locally at once) and pushes the outbox. */
  private push(kind: RequestKind, writes: readonly FavoriteSetArgs[]): Promise<void> {
    for (const args of writes) {
      const stamped = send(this.clock, Date.now());
      this.clock = stamped.state;
      this.outbox.push({ id: this.nextMutationId++, op: 'favorite.set.v1', args, hlc: stamped.hlc });
      if (args.saved) this.saved.add(args.articleId);
      else this.saved.delete(args.articleId);
    }
    return this.serialized(async () => {
      if (this.outbox.length === 0) return;
      const response = await this.http.request('POST', routes.syncPush.path, {
        clientId: this.options.clientId,
        schemaVersion: SYNC_SCHEMA_VERSION,
        mutations: this.outbox.slice(0, PUSH_BATCH_MAX),
      });
      this.log.record(kind, response);
      if (!ok(response)) return;
      const body = JSON.parse(response.body) as PushBody;
      this.outbox = this.outbox.filter((mutation) => mutation.id > body.lastMutationId);
      this.rejected += body.results.filter((result) => result.status === 'rejected').length;
      this.clock = recv(this.clock, body.serverHlc, Date.now());
    });
  }

  /** Pulls from the cursor until nothing more waits. */
  private async pullPages(kind: RequestKind): Promise<void> {
    for (;;) {
      const response = await this.http.request('POST', routes.syncPull.path, {
        clientId: this.options.clientId,
        schemaVersion: SYNC_SCHEMA_VERSION,
        cursor: this.cursor,
      });
      this.log.record(kind, response);
      if (!ok(response)) return;
      const body = JSON.parse(response.body) as PullBody;
      for (const change of body.changes) {
        if (change.saved.value) this.saved.add(change.articleId);
        else this.saved.delete(change.articleId);
      }
      this.cursor = body.cursor;
      this.clock = recv(this.clock, body.serverHlc, Date.now());
      if (!body.hasMore) return;
    }
  }

  private async restPut(): Promise<void> {
    const [args] = this.saveArgs(1);
    if (!args) return;
    const response = await this.http.request('PUT', routes.saveFavorite.path.replace(':articleId', args.articleId), {});
    this.log.record('restPut', response);
    if (ok(response)) this.saved.add(args.articleId);
  }

  private async restDelete(): Promise<void> {
    const [args] = this.removeArgs(1);
    if (!args) return;
    const response = await this.http.request('DELETE', routes.removeFavorite.path.replace(':articleId', args.articleId));
    this.log.record('restDelete', response);
    if (ok(response)) this.saved.delete(args.articleId);
  }

  /** A poke newer than the cursor queues one pull behind the running sync (pokes meanwhile join it). */
  private onPoke(version: number): void {
    this.pokes += 1;
    if (this.stopped || this.pokePullQueued || !pokeIsNewer(this.cursor, this.space, version)) return;
    this.pokePullQueued = true;
    void this.serialized(async () => {
      this.pokePullQueued = false;
      // The loop's own pull may have fetched it already.
      if (pokeIsNewer(this.cursor, this.space, version)) await this.pullPages('pullOnPoke');
    });
  }

  /** Runs sync work after the user's running push or pull, as the client's sync lock does. */
  private serialized(work: () => Promise<void>): Promise<void> {
    const next = this.syncChain.then(work);
    this.syncChain = next.catch(() => undefined);
    return next;
  }
}
