/**
 * Seeds a database (a SQLite file or a PostgreSQL schema) the way the server would hold it:
 * migrations and the catalogue through the server's own storage opener, then users and
 * favorites through the adapter's bulk loader. The data is deterministic (a seeded PRNG) apart
 * from ids and timestamps, so runs, and the two databases, compare fairly.
 */
import { hashPassword } from '../server/auth/passwords';
import { seedCatalogue } from '../server/catalogue/seedCatalogue';
import type { BulkFavorite, Storage, StoredUser } from '../server/storage/types';
import { LIST_LIMIT_MAX } from '../src/contract';
import { formatHlc } from '../src/core/hlc';
import { newId } from '../src/core/ids';
import { createRandom, type Random } from '../src/seed/random';
import { databaseFootprint, openBenchStorage, type BenchDatabase } from './lib/benchDatabase';

export const SEED_USERS_DEFAULT = 10_000;
export const FAVORITES_PER_USER_DEFAULT = 100;
/** Every seeded user has this password, so a benchmark may also log in for real. */
export const BENCH_PASSWORD = 'bench-password-not-secret';

const SEED = 0xbe7c4;
/** Users per bulk call: 500 × 100 favorites = 50,000 rows in one transaction. */
const USERS_PER_FAVORITES_CALL = 500;
const SAVED_WITHIN_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
const HLC_CLIENT_ID = 'bench-seed';
const NOTE_PROBABILITY = 0.2;
const TAGGED_PROBABILITY = 0.3;
const TAGS_PER_FAVORITE_MAX = 3;
const PUBLIC_PROBABILITY = 0.1;
const TAG_VOCABULARY = [
  'read-later', 'reference', 'databases', 'frontend', 'security', 'design', 'ops', 'career', 'science',
  'history', 'cooking', 'travel', 'health', 'money', 'climate', 'music', 'books', 'rust', 'typescript',
  'ai', 'hardware', 'teaching', 'ideas', 'to-share',
] as const;
const NOTES = [
  'Good overview; come back to the second half.',
  'Send this to the team before Thursday.',
  'The benchmark section is the useful part.',
  'Disagree with the conclusion, but the data is solid.',
  'Quote for the talk: the opening paragraph.',
] as const;

export interface SeedOptions {
  readonly database: BenchDatabase;
  readonly users: number;
  readonly favoritesPerUser: number;
}

export interface SeededDatabase {
  readonly database: BenchDatabase;
  readonly userIds: readonly string[];
  readonly articles: number;
  readonly favorites: number;
  readonly tags: number;
  readonly catalogueSeconds: number;
  readonly usersSeconds: number;
  readonly favoritesSeconds: number;
  /** SQLite: the file plus its WAL; PostgreSQL: the schema's tables, indexes and TOAST; after the storage is closed. */
  readonly databaseBytes: number;
  /** The tables and indexes taking the most space, largest first. */
  readonly largestObjects: readonly { readonly name: string; readonly bytes: number }[];
}

const secondsSince = (startMs: number) => (performance.now() - startMs) / 1000;

async function allArticleIds(storage: Storage): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await storage.articles.list({ limit: LIST_LIMIT_MAX, cursor });
    ids.push(...page.items.map((article) => article.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** `count` distinct items, by a partial Fisher–Yates shuffle of `items` in place (its order is scratch). */
function sampleDistinct<T>(random: Random, items: T[], count: number): T[] {
  for (let i = 0; i < count; i += 1) {
    const j = random.int(i, items.length - 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items.slice(0, count);
}

function favoritesOf(random: Random, userId: string, articleIds: string[], count: number, nowMs: number): BulkFavorite[] {
  return sampleDistinct(random, articleIds, count).map((articleId) => {
    const savedMs = nowMs - random.int(0, SAVED_WITHIN_DAYS * DAY_MS);
    const favorite: { -readonly [K in keyof BulkFavorite]: BulkFavorite[K] } = {
      userId,
      articleId,
      savedHlc: formatHlc(savedMs, 0, HLC_CLIENT_ID),
    };
    if (random.chance(NOTE_PROBABILITY)) favorite.note = random.pick(NOTES);
    if (random.chance(PUBLIC_PROBABILITY)) favorite.public = true;
    if (random.chance(TAGGED_PROBABILITY)) {
      favorite.tags = Array.from({ length: random.int(1, TAGS_PER_FAVORITE_MAX) }, () => random.pick(TAG_VOCABULARY));
    }
    return favorite;
  });
}

interface SeedTimings {
  userIds: string[];
  articles: number;
  favorites: number;
  tags: number;
  catalogueSeconds: number;
  usersSeconds: number;
  favoritesSeconds: number;
}

async function seedInto(storage: Storage, users: number, favoritesPerUser: number): Promise<SeedTimings> {
  const random = createRandom(SEED);
  const nowMs = Date.now();

  let startMs = performance.now();
  await seedCatalogue(storage, nowMs);
  const articleIds = await allArticleIds(storage);
  const catalogueSeconds = secondsSince(startMs);
  if (favoritesPerUser > articleIds.length) {
    throw new RangeError(`${favoritesPerUser} favorites per user, but only ${articleIds.length} articles`);
  }

  startMs = performance.now();
  // One real argon2id hash shared by every user: hashing 10,000 would take minutes.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const storedUsers: StoredUser[] = Array.from({ length: users }, (_, index) => ({
    id: newId(),
    username: `bench-${String(index).padStart(6, '0')}`,
    passwordHash,
    createdAtMs: nowMs,
  }));
  await storage.bulk.insertUsers(storedUsers);
  const usersSeconds = secondsSince(startMs);

  startMs = performance.now();
  let favorites = 0;
  let tags = 0;
  for (let first = 0; first < users; first += USERS_PER_FAVORITES_CALL) {
    const batch = storedUsers
      .slice(first, first + USERS_PER_FAVORITES_CALL)
      .flatMap((user) => favoritesOf(random, user.id, articleIds, favoritesPerUser, nowMs));
    await storage.bulk.insertFavorites(batch);
    favorites += batch.length;
    for (const favorite of batch) tags += new Set(favorite.tags ?? []).size;
  }
  const favoritesSeconds = secondsSince(startMs);

  return {
    userIds: storedUsers.map((user) => user.id),
    articles: articleIds.length,
    favorites,
    tags,
    catalogueSeconds,
    usersSeconds,
    favoritesSeconds,
  };
}

export async function seedFavorites(options: SeedOptions): Promise<SeededDatabase> {
  const { database, users, favoritesPerUser } = options;
  const storage = await openBenchStorage(database);
  let seeded: SeedTimings;
  try {
    seeded = await seedInto(storage, users, favoritesPerUser);
  } finally {
    await storage.close();
  }
  const footprint = await databaseFootprint(database);
  return { ...seeded, database, databaseBytes: footprint.bytes, largestObjects: footprint.largestObjects };
}
