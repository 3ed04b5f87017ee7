/**
 * Two server instances on one database and one Redis (the scale-out tier): a commit on one
 * instance pokes the sockets the other one holds. On a shared SQLite file (WAL works across
 * connections) and on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerOptions } from '../../../server/app';
import { routes } from '../../../src/contract';
import { postgresTestSchema } from '../../support/postgresSchema';
import { probePostgres, probeRedis, redisUrl } from '../../support/services';
import { gate } from './support/gate';
import { HttpUser, newClientId } from './support/httpClient';
import { sharedDatabaseFile, startServer, type RunningServer } from './support/realtimeServer';
import { TestSocket } from './support/testSocket';

const [redis, postgres] = [await probeRedis(), await probePostgres()];

interface SharedDatabase {
  readonly options: Partial<ServerOptions>;
  remove(): Promise<void>;
}

const databases = [
  {
    name: 'SQLite',
    available: true,
    open(): SharedDatabase {
      const { file, remove } = sharedDatabaseFile();
      return { options: { databaseFile: file }, remove: async () => remove() };
    },
  },
  {
    name: 'PostgreSQL',
    available: postgres.available,
    open(): SharedDatabase {
      const schema = postgresTestSchema('realtime');
      return { options: { databaseUrl: schema.url, databaseSchema: schema.schema }, remove: () => schema.drop() };
    },
  },
];

describe.each(databases)('two instances on Redis pub/sub, on $name', ({ available, open }) => {
  describe.skipIf(!redis.available || !available)('when the services answer', () => {
    instancesSuite(open);
  });
});

function instancesSuite(open: () => SharedDatabase): void {
  const pushes = gate('/api/v1/sync/push');
  let database: SharedDatabase;
  let one: RunningServer;
  let two: RunningServer;

  beforeAll(async () => {
    database = open();
    // Their own channel, so other test files on the same Redis never reach these instances.
    const shared = { ...database.options, redisUrl: redisUrl(), realtime: { channel: `favorites:test:${randomUUID()}` } };
    // One after the other: the first creates the tables and seeds the catalogue.
    one = await startServer({ ...shared, instanceName: 'one' }, pushes.install);
    two = await startServer({ ...shared, instanceName: 'two' });
  });

  afterAll(async () => {
    pushes.releaseAll();
    await Promise.all([one.close(), two.close()]);
    await database.remove();
  });

  it('pokes a socket on instance two after a REST save and a push through instance one', async () => {
    const user = await HttpUser.signup(one.origin);
    const [first, second] = await user.articleIds(2);
    const onTwo = await TestSocket.open(two.wsUrl, { headers: user.cookie });
    const onOne = await TestSocket.open(one.wsUrl, { headers: user.cookie });

    await user.save(first!);
    await user.push(newClientId(), 1, [{ articleId: second!, saved: true }]);
    const space = await user.space();
    for (const socket of [onOne, onTwo]) {
      await socket.next('poke', 1);
      expect(socket.ofType('poke')).toEqual([
        { type: 'poke', space, version: 1 },
        { type: 'poke', space, version: 2 },
      ]);
    }
    // What instance two serves a pull agrees with the poke.
    const { changes } = await user.on(two.origin).pullAll(newClientId(), null);
    expect(Math.max(...changes.map((change) => change.version))).toBe(2);
    await Promise.all([onOne.close(), onTwo.close()]);
  });

  it('refuses on instance two a session signed out on instance one, though instance two had it cached', async () => {
    const user = await HttpUser.signup(one.origin);
    const onTwo = user.on(two.origin);
    // Instance two has looked the session up (and keeps it for a while: cachedTokenStore.ts).
    expect((await onTwo.request('GET', routes.me.path)).status).toBe(200);
    const socket = await TestSocket.open(two.wsUrl, { headers: user.cookie });

    await user.logout();
    // The sign-out's event reached instance two: its socket closes, and its cache forgot the token.
    expect((await socket.closed).code).toBe(4401);
    const refused = await onTwo.request('GET', routes.me.path);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('names the instance that answered in x-instance', async () => {
    const [a, b] = await Promise.all([fetch(`${one.origin}/healthz`), fetch(`${two.origin}/healthz`)]);
    expect([a.headers.get('x-instance'), b.headers.get('x-instance')]).toEqual(['one', 'two']);
  });

  // Last: it closes instance one.
  it('still pokes instance two for a push that instance one finishes while shutting down', async () => {
    const user = await HttpUser.signup(two.origin);
    const [articleId] = await user.articleIds(1);
    const onTwo = await TestSocket.open(two.wsUrl, { headers: user.cookie });

    const held = pushes.hold();
    const pushed = user.on(one.origin).push(newClientId(), 1, [{ articleId: articleId!, saved: true }]);
    await held.reached;
    const closing = one.close();
    held.release();
    await pushed;
    await closing;
    expect(await onTwo.next('poke')).toEqual({ type: 'poke', space: await user.space(), version: 1 });
    await onTwo.close();
  });
}
