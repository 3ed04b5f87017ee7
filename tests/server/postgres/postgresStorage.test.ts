/**
 * What the PostgreSQL adapter must do beyond the shared behaviour the other server tests check
 * on both databases: live in its own schema, read bigint as numbers, order HLCs as JavaScript
 * does, re-run a transaction PostgreSQL aborted for a concurrent update, load in bulk with
 * space versions, answer readiness and close its pool.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/core/hlc';
import { createServer } from '../../../server/app';
import { InvalidSchemaNameError } from '../../../server/storage/postgres/createPostgresPool';
import { postgresMigrationList } from '../../../server/storage/postgres/migrations';
import { openPostgresStorage } from '../../../server/storage/postgres/openPostgresStorage';
import { tsqueryText } from '../../../server/storage/postgres/postgresTextSearch';
import { isRetryableTransactionError } from '../../../server/storage/postgres/repeatableReadTransaction';
import type { Storage } from '../../../server/storage/types';
import { postgresTestSchema, type PostgresTestSchema } from '../../support/postgresSchema';
import { probePostgres } from '../../support/services';
import { addArticles, addUser, article } from '../support/fixtures';

const pg = await probePostgres();
/** A first start seeds the catalogue: about 2,400 articles' full-text vectors, seconds on a busy machine. */
const SERVER_START_TIMEOUT_MS = 60_000;

describe('PostgreSQL text queries', () => {
  it('quote every term as a prefix restricted to the columns asked for', () => {
    expect(tsqueryText(['rust', 'and'], ['title', 'excerpt'])).toBe("'rust':*AB & 'and':*AB");
    expect(tsqueryText(['go'], ['body', 'title', 'excerpt'])).toBe("'go':*ABC");
    expect(tsqueryText(["it's", 'a\\b'], ['title'])).toBe("'it\\'s':*A & 'a\\\\b':*A");
  });

  it('retry serialization failures and deadlocks only', () => {
    expect(isRetryableTransactionError({ code: '40001' })).toBe(true);
    expect(isRetryableTransactionError({ code: '40P01' })).toBe(true);
    expect(isRetryableTransactionError({ code: '23505' })).toBe(false);
    expect(isRetryableTransactionError(new Error('boom'))).toBe(false);
  });
});

describe.skipIf(!pg.available)('the PostgreSQL adapter', () => {
  let schema: PostgresTestSchema;
  let storage: Storage;

  beforeAll(async () => {
    schema = postgresTestSchema('adapter');
    // Created once per file; each test then starts from empty tables.
    await (await openPostgresStorage(schema.url, { schema: schema.schema })).close();
  });

  beforeEach(async () => {
    await schema.query(
      'truncate users, auth_tokens, articles, favorites, favorite_tags, spaces, server_meta, sync_clients restart identity cascade',
    );
    storage = await openPostgresStorage(schema.url, { schema: schema.schema, poolSize: 4 });
  });

  afterEach(async () => {
    await storage.close();
  });

  afterAll(async () => {
    await schema.drop();
  });

  it('keeps its tables in its own schema: another schema on the same database sees none of its rows', async () => {
    await storage.spaces.bump('u:mine');
    const other = postgresTestSchema('other');
    const elsewhere = await openPostgresStorage(other.url, { schema: other.schema });
    try {
      expect(await elsewhere.spaces.version('u:mine')).toBe(0);
      expect(await storage.spaces.version('u:mine')).toBe(1);
    } finally {
      await elsewhere.close();
      await other.drop();
    }
  });

  it('refuses a schema name that is not a plain identifier, before connecting', async () => {
    await expect(openPostgresStorage(schema.url, { schema: 'x; drop table users' })).rejects.toThrow(InvalidSchemaNameError);
  });

  it('runs each migration once: a reopened storage keeps the data', async () => {
    await storage.spaces.bump('u:someone');
    const again = await openPostgresStorage(schema.url, { schema: schema.schema });
    expect(await again.spaces.version('u:someone')).toBe(1);
    await again.close();
    const applied = await schema.query<{ n: number }>('select count(*) as n from kysely_migration');
    expect(applied).toEqual([{ n: Object.keys(postgresMigrationList).length }]);
  });

  it('reads bigint columns (times in ms, versions, counts) as numbers', async () => {
    const user = await addUser(storage, 'ada');
    const createdAtMs = Date.UTC(2026, 0, 1);
    await storage.tokens.create({
      tokenHash: 'hash',
      userId: user.id,
      kind: 'api',
      name: 'cli',
      createdAtMs,
      lastUsedAtMs: createdAtMs,
      expiresAtMs: null,
    });
    const found = await storage.tokens.findActive('hash', createdAtMs);
    expect(found?.token.createdAtMs).toBe(createdAtMs);
    expect(await storage.spaces.bump('u:x')).toBe(1);
    expect(await storage.articles.count()).toBe(0);
  });

  it('orders HLCs and article ids byte-wise like JavaScript, whatever the database locale', async () => {
    const user = await addUser(storage, 'ada');
    const articles = await addArticles(storage, [article('a'), article('b'), article('c'), article('d')]);
    // Client ids in mixed case and with punctuation: a linguistic collation orders these differently.
    const hlcs = [formatHlc(1_000, 0, 'Zed'), formatHlc(1_000, 0, 'abe'), formatHlc(1_000, 0, '_x'), formatHlc(1_000, 0, 'B-1')];
    await storage.bulk.insertFavorites(articles.map((a, i) => ({ userId: user.id, articleId: a.id, savedHlc: hlcs[i]! })));
    const page = await storage.favorites.list(user.id, { limit: 10 });
    const expected = [...hlcs].sort().reverse();
    expect(page.items.map((item) => hlcs[articles.findIndex((a) => a.id === item.articleId)])).toEqual(expected);
    expect(await storage.meta.hlcHighWater()).toBe(expected[0]);
  });

  it('runs a transaction again when a concurrent one committed a conflicting write, so neither is lost', async () => {
    let bothRead!: () => void;
    const readBarrier = new Promise<void>((resolve) => {
      let reads = 0;
      bothRead = () => {
        reads += 1;
        if (reads === 2) resolve();
      };
    });
    let runs = 0;
    // Each reads the space (taking its snapshot), waits until the other has read too, then bumps.
    const bumpAfterBothRead = () =>
      storage.transaction(async (tx) => {
        runs += 1;
        await tx.spaces.version('u:race');
        bothRead();
        await readBarrier;
        return tx.spaces.bump('u:race');
      });
    await storage.spaces.ensure('u:race');
    const versions = await Promise.all([bumpAfterBothRead(), bumpAfterBothRead()]);
    expect(versions.sort()).toEqual([1, 2]);
    expect(runs).toBe(3);
    expect(await storage.spaces.version('u:race')).toBe(2);
  });

  it('bulk-loads favorites with tags, each the next version of its space, after what is there', async () => {
    const [ada, bob] = [await addUser(storage, 'ada'), await addUser(storage, 'bob')];
    const articles = await addArticles(storage, [article('1'), article('2'), article('3')]);
    await storage.spaces.bump(`u:${ada.id}`);
    const at = (ms: number) => formatHlc(ms, 0, 'seed');
    await storage.bulk.insertFavorites([
      { userId: ada.id, articleId: articles[0]!.id, savedHlc: at(1), tags: ['x', 'x', 'y'], note: 'n' },
      { userId: ada.id, articleId: articles[1]!.id, savedHlc: at(3), public: true },
      { userId: bob.id, articleId: articles[0]!.id, savedHlc: at(2) },
    ]);
    expect(await storage.spaces.version(`u:${ada.id}`)).toBe(3);
    expect(await storage.spaces.version(`u:${bob.id}`)).toBe(1);
    expect(await storage.meta.hlcHighWater()).toBe(at(3));
    const changes = await storage.favorites.changesAfter(ada.id, [0, ''], 10);
    expect(changes.map((c) => [c.record.articleId, c.version])).toEqual([
      [articles[0]!.id, 2],
      [articles[1]!.id, 3],
    ]);
    expect(changes[0]!.record).toMatchObject({
      note: { value: 'n', hlc: at(1) },
      public: { value: false, hlc: '' },
      tags: { x: { value: true, hlc: at(1) }, y: { value: true, hlc: at(1) } },
    });
    expect(changes[1]!.record.public).toEqual({ value: true, hlc: at(3) });
  });

  it('bulk-loads users with their spaces at version 0', async () => {
    await storage.bulk.insertUsers([
      { id: 'u1', username: 'one', passwordHash: 'h', createdAtMs: 1 },
      { id: 'u2', username: 'two', passwordHash: 'h', createdAtMs: 2 },
    ]);
    expect((await storage.users.findByUsername('two'))?.id).toBe('u2');
    expect(await schema.query('select id, version from spaces order by id')).toEqual([
      { id: 'u:u1', version: 0 },
      { id: 'u:u2', version: 0 },
    ]);
  });

  it('refuses a favorite of a missing article (foreign keys)', async () => {
    const user = await addUser(storage, 'ada');
    await expect(
      storage.bulk.insertFavorites([{ userId: user.id, articleId: 'missing', savedHlc: formatHlc(1, 0, 'x') }]),
    ).rejects.toThrow(/foreign key/);
  });

  it('answers ping while open and refuses queries once closed', async () => {
    const own = await openPostgresStorage(schema.url, { schema: schema.schema });
    await expect(own.ping()).resolves.toBeUndefined();
    await own.close();
    await expect(own.ping()).rejects.toThrow();
  });

  it('serves a server started with a database URL: seeded, ready, and closed with it', async () => {
    const app = await createServer({ databaseUrl: schema.url, databaseSchema: schema.schema, logLevel: 'silent', staticDir: null });
    try {
      expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ok' });
      expect((await app.inject({ url: '/api/v1/articles?limit=1' })).json().items).toHaveLength(1);
    } finally {
      await app.close();
    }
  }, SERVER_START_TIMEOUT_MS);
});
