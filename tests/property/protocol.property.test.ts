/**
 * The whole sync protocol under random operations and faults (issue bar, protocol.md "What
 * proves it"): devices with clock skew up to ±10 minutes plus one two days ahead, each with its
 * real Dexie store and the real engine, write and sync at random against the real server on
 * SQLite and on PostgreSQL, through a network that drops, duplicates, holds back (reorders), fails with 500/401 and
 * answers like a captive portal. After quiescence (faults off, every device synced, then pulled):
 * - every queued write reached the server exactly once (nothing lost, nothing doubled);
 * - the server's registers equal, for every register, the write with the largest effective
 *   (clamped) timestamp over every write ever queued;
 * - every device's view equals the server's state pulled from scratch.
 *
 * Reproduce a failure with the seed and path fast-check prints:
 * `FC_SEED=<seed> FC_PATH=<path> npx vitest run --project property`.
 * A longer run: `FC_RUNS=500` (SQLite) and `FC_RUNS_POSTGRES=100`. Shrinking is off by default
 * (runs are slow); `FC_SHRINK=1` turns it on. PostgreSQL runs fewer scenarios by default (each
 * push is several network round trips there) and is left out, with a printed reason, when it
 * does not answer outside CI.
 */
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ServerOptions } from '../../server/app';
import { ArticlePage, type ArticleSummary, type FavoriteChange } from '../../src/contract';
import { removePatch, type FavoritePatch, type FavoriteRecord } from '../../src/core/favoriteRecord';
import { createTransport } from '../../src/sync/transport';
import { postgresTestSchema } from '../support/postgresSchema';
import { probePostgres } from '../support/services';
import { FaultyNetwork, FAULTS, type Fault } from './support/faultyNetwork';
import { injectFetch } from './support/injectFetch';
import { ProtocolOracle, registerMap, type RegisterMap } from './support/protocolOracle';
import { SERVER_ORIGIN, SimulatedDevice } from './support/simulatedDevice';

const RUNS = Number(process.env['FC_RUNS'] ?? 50);
const POSTGRES_RUNS = Number(process.env['FC_RUNS_POSTGRES'] ?? 20);
const SEED = process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']);
const PATH = process.env['FC_PATH'];
const SHRINK = process.env['FC_SHRINK'] === '1';

const MINUTE_MS = 60_000;
const SKEW_MAX_MS = 10 * MINUTE_MS;
const FAR_AHEAD_MS = 2 * 24 * 60 * MINUTE_MS;
const ARTICLE_COUNT = 4;
const COMMANDS_MAX = 30;
/** Rounds of "every device syncs" before a run must have converged. */
const QUIESCENCE_ROUNDS_MAX = 5;
const PASSWORD = 'correct horse battery staple';
const PUSH_PATH = '/api/v1/sync/push';

type Op =
  | { kind: 'save' }
  | { kind: 'unsave' }
  | { kind: 'note'; note: string }
  | { kind: 'public'; value: boolean }
  | { kind: 'tags'; tags: Record<string, boolean> };

type Command =
  | { kind: 'write'; device: number; article: number; op: Op; syncAfter: boolean }
  | { kind: 'sync'; device: number }
  | { kind: 'tick'; ms: number }
  | { kind: 'release'; index: number }
  | { kind: 'replay'; index: number }
  | { kind: 'resume'; device: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'save' as const }),
  fc.constant({ kind: 'unsave' as const }),
  fc.record({ kind: fc.constant('note' as const), note: fc.constantFrom('', 'a', 'b', 'read later') }),
  fc.record({ kind: fc.constant('public' as const), value: fc.boolean() }),
  fc.record({
    kind: fc.constant('tags' as const),
    tags: fc.dictionary(fc.constantFrom('x', 'y', 'z'), fc.boolean(), { minKeys: 1, maxKeys: 3 }),
  }),
);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('write' as const), device: fc.nat(), article: fc.nat(), op: opArb, syncAfter: fc.boolean() }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), device: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 2 * MINUTE_MS }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resume' as const), device: fc.nat() }) },
);

/** About three requests in seven meet a fault while faults are on. */
const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('none' as const) },
  { weight: 3, arbitrary: fc.constantFrom(...FAULTS) },
);

const scenarioArb = fc.record({
  /** The skews of the ordinary devices; one more device runs two days ahead. */
  skews: fc.array(fc.integer({ min: -SKEW_MAX_MS, max: SKEW_MAX_MS }), { minLength: 1, maxLength: 3 }),
  faults: fc.array(faultArb, { minLength: 1, maxLength: 40 }),
  commands: fc.array(commandArb, { maxLength: COMMANDS_MAX }),
});
type Scenario = { skews: number[]; faults: Fault[]; commands: Command[] };

function patchOf(op: Op): FavoritePatch | ((view: FavoriteRecord | null) => FavoritePatch) {
  switch (op.kind) {
    case 'save':
      return { saved: true };
    case 'unsave':
      return (view) => removePatch(view);
    case 'note':
      return { note: op.note };
    case 'public':
      return { public: op.value };
    case 'tags':
      return { tags: op.tags };
  }
}

interface Backend {
  readonly name: string;
  readonly runs: number;
  /** Where the server keeps its data; `dispose` removes it. */
  open(): Promise<{ options: Pick<ServerOptions, 'databaseFile' | 'databaseUrl' | 'databaseSchema'>; dispose(): Promise<void> }>;
}

const sqlite: Backend = {
  name: 'SQLite',
  runs: RUNS,
  async open() {
    const dir = await mkdtemp(join(tmpdir(), 'favorites-property-'));
    return { options: { databaseFile: join(dir, 'favorites.sqlite') }, dispose: () => rm(dir, { recursive: true, force: true }) };
  },
};

const postgres: Backend = {
  name: 'PostgreSQL',
  runs: POSTGRES_RUNS,
  async open() {
    const schema = postgresTestSchema('property');
    return { options: { databaseUrl: schema.url, databaseSchema: schema.schema }, dispose: () => schema.drop() };
  },
};

const backends = (await probePostgres()).available ? [sqlite, postgres] : [sqlite];
/** A first start seeds the catalogue: seconds on PostgreSQL on a busy machine (full-text vectors). */
const SERVER_START_TIMEOUT_MS = 60_000;

describe.each(backends)('sync protocol under faults on $name', (backend) => {
  let database: Awaited<ReturnType<Backend['open']>> | undefined;
  let app: FastifyInstance;
  let serverNowMs = Date.UTC(2026, 0, 1);
  let articles: ArticleSummary[] = [];
  let users = 0;

  beforeAll(async () => {
    database = await backend.open();
    app = await createServer({ ...database.options, logLevel: 'silent', staticDir: null, now: () => serverNowMs });
    const page = await app.inject({ method: 'GET', url: `/api/v1/articles?limit=${ARTICLE_COUNT}` });
    articles = ArticlePage.parse(page.json()).items;
    expect(articles).toHaveLength(ARTICLE_COUNT);
  }, SERVER_START_TIMEOUT_MS);

  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  /** A fresh account per run, so runs share the server but not its data. */
  async function signUp(): Promise<{ userId: string; cookie: string }> {
    users += 1;
    const reply = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'favorites' },
      payload: JSON.stringify({ username: `prop${users}`, password: PASSWORD }),
    });
    expect(reply.statusCode).toBe(201);
    const cookie = reply.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return { userId: (reply.json() as { user: { id: string } }).user.id, cookie };
  }

  async function runScenario({ skews, faults, commands }: Scenario): Promise<void> {
    const { userId, cookie } = await signUp();
    const oracle = new ProtocolOracle();
    const serverFetch = injectFetch(app);
    const deliver = async (path: string, body: string): Promise<Response> => {
      const response = await serverFetch(`${SERVER_ORIGIN}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'favorites', cookie },
        body,
      });
      if (path === PUSH_PATH && response.status === 200) oracle.observePush(body, await response.clone().json(), serverNowMs);
      return response;
    };
    const network = new FaultyNetwork(faults, deliver);
    const devices = [...skews, FAR_AHEAD_MS].map((skew, index) => new SimulatedDevice(index, skew, userId, () => serverNowMs, network));
    const deviceAt = (n: number) => devices[n % devices.length]!;
    try {
      for (const command of commands) await run(command);
      await quiesce();
      await checkConverged();
    } finally {
      for (const device of devices) {
        device.engine.stop();
        device.db.close();
      }
    }

    async function run(command: Command): Promise<void> {
      switch (command.kind) {
        case 'write': {
          const device = deviceAt(command.device);
          const article = articles[command.article % articles.length]!;
          const { entry } = await device.store.writeFavorite(article, patchOf(command.op), serverNowMs + device.skewMs);
          device.queued.push(entry);
          if (command.syncAfter) await device.sync();
          return;
        }
        case 'sync':
          return deviceAt(command.device).sync();
        case 'tick':
          serverNowMs += command.ms;
          return;
        case 'release':
          return release(command.index);
        case 'replay':
          return network.replay(command.index);
        case 'resume':
          return deviceAt(command.device).resume();
      }
    }

    async function release(index: number): Promise<void> {
      const held = network.heldDevice(index);
      if (held === null) return;
      await devices[held]!.continueAfterRelease(() => network.releaseOne(index));
    }

    async function quiesce(): Promise<void> {
      network.faultsOn = false;
      while (network.heldCount > 0) await release(0);
      for (let round = 0; round < QUIESCENCE_ROUNDS_MAX; round += 1) {
        for (const device of devices) {
          await device.resume();
          await device.sync();
        }
        const statuses = devices.map((device) => device.engine.getStatus());
        if (statuses.every((status) => status.state === 'synced' && status.pending === 0)) break;
      }
      // Everyone has pushed; one more pass each brings the others' writes.
      for (const device of devices) await device.sync();
    }

    async function checkConverged(): Promise<void> {
      expect(oracle.violations).toEqual([]);
      for (const device of devices) {
        expect(device.engine.getStatus(), `device ${device.index}`).toEqual({ state: 'synced', pending: 0, rejected: [] });
      }

      // Exactly once: every write ever queued was processed by the server, none twice.
      const queued = [];
      for (const device of devices) {
        const { clientId } = await device.store.meta();
        queued.push(...device.queued.map((entry) => `${clientId}#${entry.id}`));
      }
      expect(oracle.processed.map((write) => `${write.clientId}#${write.id}`).sort()).toEqual(queued.sort());

      // The server equals the oracle: each register holds the write with the largest effective stamp.
      const server = await serverState();
      const expected = Object.fromEntries(oracle.expected());
      expect(server).toEqual(expected);

      // Every replica equals the server.
      for (const device of devices) {
        const replica: Record<string, RegisterMap> = {};
        for (const article of articles) {
          const local = await device.store.get(article.id);
          const map = local ? registerMap(local.view) : {};
          if (Object.keys(map).length > 0) replica[article.id] = map;
        }
        expect(replica, `device ${device.index} (skew ${device.skewMs} ms)`).toEqual(server);
      }
    }

    /** The server's state as a fresh device would pull it, with no faults. */
    async function serverState(): Promise<Record<string, RegisterMap>> {
      const direct = (url: string, init: RequestInit) => deliver(new URL(url).pathname, String(init.body));
      const transport = createTransport({ baseUrl: SERVER_ORIGIN, fetch: direct as typeof fetch });
      const changes: FavoriteChange[] = [];
      let cursor: string | null = null;
      for (;;) {
        const page = await transport.pull({ clientId: `observer${users}`, schemaVersion: 1, cursor });
        if (!page.ok) throw new Error(`pull from scratch failed: ${JSON.stringify(page.failure)}`);
        changes.push(...page.value.changes);
        cursor = page.value.cursor;
        if (!page.value.hasMore) break;
      }
      const state: Record<string, RegisterMap> = {};
      for (const change of changes) {
        const map = registerMap(change);
        if (Object.keys(map).length > 0) state[change.articleId] = map;
      }
      return state;
    }
  }

  it(
    'converges every replica to the server, which holds the latest write of every register, whatever the faults',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb, (scenario) => runScenario(scenario)),
        { numRuns: backend.runs, ...(SEED === undefined ? {} : { seed: SEED }),
          ...(PATH === undefined ? {} : { path: PATH }), endOnFailure: !SHRINK },
      );
    },
    Math.max(120_000, backend.runs * 5_000),
  );
});
