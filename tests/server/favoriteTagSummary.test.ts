/**
 * The tag summary a favorite row carries (`tags_hlc`, `active_tags`: schema.ts) must always say
 * what its tag registers in `favorite_tags` say, because every page reads the summary and the
 * pull reads the registers: a page showing tags the device does not have would be a silent
 * divergence. Checked after random writes through the real write path (one per transaction,
 * and many in one transaction, which PostgreSQL buffers), after a bulk load, and after the
 * migration that added the summary to a database holding tags.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { FavoritePatch } from '../../src/core/favoriteRecord';
import { favoriteFields } from '../../src/core/favoriteRecord';
import { formatHlc } from '../../src/core/hlc';
import { createRandom, type Random } from '../../src/seed/random';
import type { Database } from '../../server/storage/schema';
import { createPostgresPool } from '../../server/storage/postgres/createPostgresPool';
import { postgresMigrations } from '../../server/storage/postgres/migrations';
import { openPostgresStorage } from '../../server/storage/postgres/openPostgresStorage';
import { sqliteMigrations } from '../../server/storage/sqlite/migrations';
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage';
import { FavoritesSqliteDialect } from '../../server/storage/sqlite/sqliteDialect';
import type { Storage } from '../../server/storage/types';
import { applyFavoriteWrite, applyFavoriteWriteIn } from '../../server/sync/applyFavoriteWrite';
import { TransactionVersions } from '../../server/sync/transactionVersions';
import { postgresTestSchema } from '../support/postgresSchema';
import { probePostgres } from '../support/services';
import { addArticles, addUser, article } from './support/fixtures';
import { storageTargets, useStorage } from './support/storageTargets';
import { tempDatabaseFile } from './support/tempDir';

const TAGS = ['alpha', 'beta', 'gamma', 'delta'] as const;
const DEVICES = ['laptop', 'phone'] as const;

/** A random write a device could send: tags on and off, a note, the public flag, a removal. */
function randomPatch(random: Random): FavoritePatch {
  const roll = random.next();
  if (roll < 0.1) return { saved: false, note: '', public: false, tags: Object.fromEntries(TAGS.map((tag) => [tag, false])) };
  const tags: Record<string, boolean> = {};
  for (const tag of TAGS) if (random.next() < 0.4) tags[tag] = random.next() < 0.6;
  return {
    saved: true,
    ...(random.next() < 0.3 ? { note: `note ${Math.floor(random.next() * 100)}` } : {}),
    ...(random.next() < 0.2 ? { public: random.next() < 0.5 } : {}),
    tags,
  };
}

/** Every saved favorite's page fields equal what its registers say (core's favoriteFields). */
async function expectPagesMatchRegisters(storage: Storage, userId: string): Promise<number> {
  const { items } = await storage.favorites.list(userId, { limit: 100 });
  for (const item of items) {
    const record = await storage.favorites.loadRecord(userId, item.articleId);
    const { article: _article, collectionIds: _collections, ...fields } = item;
    expect(fields).toStrictEqual(favoriteFields(record!));
    expect(await storage.favorites.get(userId, item.articleId)).toStrictEqual(item);
  }
  const publicItems = (await storage.favorites.listPublic(userId, { limit: 100 })).items;
  expect(publicItems.map((item) => item.tags)).toStrictEqual(items.filter((item) => item.public).map((item) => item.tags));
  return items.length;
}

describe.each(storageTargets)('the tag summary on $name', (target) => {
  const db = useStorage(target);

  async function setUp(articleCount: number) {
    const storage = db.storage;
    const user = await addUser(storage, 'ada');
    const articles = await addArticles(storage, Array.from({ length: articleCount }, (_, i) => article(`summary-${i}`)));
    return { storage, user, articleIds: articles.map((a) => a.id) };
  }

  it('follows the registers through random writes, one per transaction, in any HLC order', async () => {
    const { storage, user, articleIds } = await setUp(6);
    const random = createRandom(0x7a95);
    for (let step = 0; step < 150; step += 1) {
      // Devices' clocks disagree: some writes arrive older than what is stored and lose.
      const hlc = formatHlc(1_000_000 + Math.floor(random.next() * 10_000), 0, random.pick(DEVICES));
      await applyFavoriteWrite(storage, { userId: user.id, articleId: random.pick(articleIds), patch: randomPatch(random), hlc });
      if (step % 25 === 24) await expectPagesMatchRegisters(storage, user.id);
    }
    expect(await expectPagesMatchRegisters(storage, user.id)).toBeGreaterThan(0);
    // And a pull sends the registers themselves, tags included, in version order.
    const changes = await storage.favorites.changesAfter(user.id, [0, ''], 100);
    expect(changes.map((change) => change.version)).toEqual(changes.map((change) => change.version).sort((a, b) => a - b));
    for (const change of changes) {
      expect(change.record).toStrictEqual(await storage.favorites.loadRecord(user.id, change.record.articleId));
      expect(change.article.id).toBe(change.record.articleId);
    }
    expect(changes.length).toBe(new Set(changes.map((change) => change.record.articleId)).size);
  });

  it('follows the registers when one transaction writes the same favorites many times (a push)', async () => {
    const { storage, user, articleIds } = await setUp(4);
    const random = createRandom(0x51de);
    for (let push = 0; push < 8; push += 1) {
      await storage.transaction(async (tx) => {
        const versions = new TransactionVersions(tx.spaces);
        for (let mutation = 0; mutation < 12; mutation += 1) {
          const hlc = formatHlc(2_000_000 + push * 1_000 + mutation, 0, random.pick(DEVICES));
          await applyFavoriteWriteIn(tx, versions, { userId: user.id, articleId: random.pick(articleIds), patch: randomPatch(random), hlc });
        }
      });
      await expectPagesMatchRegisters(storage, user.id);
    }
  });

  it('is written by the bulk loader: its tags on, at the save', async () => {
    const { storage, user, articleIds } = await setUp(2);
    const savedHlc = formatHlc(5_000, 0, 'seed');
    await storage.bulk.insertFavorites([
      { userId: user.id, articleId: articleIds[0]!, savedHlc, tags: ['zeta', 'alpha', 'zeta'] },
      { userId: user.id, articleId: articleIds[1]!, savedHlc },
    ]);
    const rows = await db.rows<{ article_id: string; tags_hlc: string; active_tags: string }>(
      'select article_id, tags_hlc, active_tags from favorites order by article_id',
    );
    expect(rows).toEqual(
      [
        { article_id: articleIds[0]!, tags_hlc: savedHlc, active_tags: 'alpha,zeta' },
        { article_id: articleIds[1]!, tags_hlc: '', active_tags: '' },
      ].sort((a, b) => (a.article_id < b.article_id ? -1 : 1)),
    );
    await expectPagesMatchRegisters(storage, user.id);
  });
});

/** A database migrated up to the migration before the summary, and how to open it as the server does. */
interface OldDatabase {
  readonly kysely: Kysely<Database>;
  open(): Promise<Storage>;
  dispose(): Promise<void>;
}

const BEFORE_SUMMARY = '0005_space_hlc_high_water';
const postgres = await probePostgres();

const oldDatabases: { name: string; make(): Promise<OldDatabase> }[] = [
  {
    name: 'SQLite',
    async make() {
      const file = tempDatabaseFile();
      const kysely = new Kysely<Database>({ dialect: new FavoritesSqliteDialect({ database: new BetterSqlite3(file) }) });
      expect((await new Migrator({ db: kysely, provider: sqliteMigrations }).migrateTo(BEFORE_SUMMARY)).error).toBeUndefined();
      return { kysely, open: () => openSqliteStorage(file), dispose: async () => {} };
    },
  },
  ...(postgres.available
    ? [
        {
          name: 'PostgreSQL',
          async make(): Promise<OldDatabase> {
            const schema = postgresTestSchema('summary');
            await schema.query(`create schema ${schema.schema}`);
            const pool = createPostgresPool(schema.url, { schema: schema.schema, poolSize: 1 });
            const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
            expect((await new Migrator({ db: kysely, provider: postgresMigrations, migrationTableSchema: schema.schema }).migrateTo(BEFORE_SUMMARY)).error).toBeUndefined();
            return {
              kysely,
              open: () => openPostgresStorage(schema.url, { schema: schema.schema, poolSize: 2 }),
              dispose: () => schema.drop(),
            };
          },
        },
      ]
    : []),
];

describe.each(oldDatabases)('the migration that adds the tag summary, on $name', ({ make }) => {
  it('fills it from the tag registers a database already holds', async () => {
    const old = await make();
    const { kysely } = old;
    const at = (wallMs: number) => formatHlc(wallMs, 0, 'old');
    const [tagged, untagged] = [article('tagged'), article('untagged')];
    await sql`insert into users (id, username, password_hash, created_at_ms) values ('u1', 'ada', 'x', 0)`.execute(kysely);
    for (const a of [tagged, untagged]) {
      await sql`insert into articles (id, url, title, author, excerpt, body, image_url, reading_minutes, published_at_ms, created_at_ms)
        values (${a.id}, ${a.url}, ${a.title}, ${a.author}, ${a.excerpt}, ${a.body}, null, 3, 0, 0)`.execute(kysely);
      await sql`insert into favorites (user_id, article_id, saved, saved_hlc, version) values ('u1', ${a.id}, 1, ${at(1_000)}, 1)`.execute(kysely);
    }
    // Two active tags, and a removed one whose removal is the favorite's latest change.
    for (const [tag, active, wallMs] of [['zeta', 1, 2_000], ['alpha', 1, 3_000], ['gone', 0, 9_000]] as const) {
      await sql`insert into favorite_tags (user_id, article_id, tag, active, hlc, version)
        values ('u1', ${tagged.id}, ${tag}, ${active}, ${at(wallMs)}, 2)`.execute(kysely);
    }
    await kysely.destroy();

    const storage = await old.open();
    try {
      const items = (await storage.favorites.list('u1', { limit: 10 })).items;
      const byId = new Map(items.map((item) => [item.articleId, item]));
      expect(byId.get(tagged.id)).toMatchObject({ tags: ['alpha', 'zeta'], updatedAt: new Date(9_000).toISOString() });
      expect(byId.get(untagged.id)).toMatchObject({ tags: [], updatedAt: new Date(1_000).toISOString() });
      await expectPagesMatchRegisters(storage, 'u1');
    } finally {
      await storage.close();
      await old.dispose();
    }
  });
});
