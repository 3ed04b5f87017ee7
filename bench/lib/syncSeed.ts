/**
 * The server database the sync benchmark runs against, seeded through the server's own
 * storage before the server starts: the benchmark's catalogue (the server then skips its own
 * seeding), one user holding every favorite (for the initial sync), one empty user per push
 * run (each run pushes into a fresh account), and a session per user, so the browser context
 * only needs the cookie (no argon2 login in the measured path).
 */
import BetterSqlite3 from 'better-sqlite3';
import { hashPassword } from '../../server/auth/passwords';
import { createSession } from '../../server/auth/sessions';
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage';
import type { BulkFavorite, StoredUser } from '../../server/storage/types';
import { formatHlc } from '../../src/core/hlc';
import { newId } from '../../src/core/ids';
import type { BenchData } from './syncBenchData';

/** A password nobody types: the benchmark signs in with session tokens made here. */
const BENCH_PASSWORD = 'sync-bench-password-not-secret';
/** The client id in the seeded registers' HLCs (a server-side import, like the bulk loader's). */
const SEED_CLIENT_ID = 'bench-seed';

export interface BenchUser {
  readonly id: string;
  /** Raw session token: the value of the session cookie. */
  readonly sessionToken: string;
}

export interface SyncSeed {
  /** Holds every favorite of the data set. */
  readonly puller: BenchUser;
  /** One fresh account per push run. */
  readonly pushers: readonly BenchUser[];
  readonly seconds: number;
}

export async function seedSyncDatabase(databaseFile: string, data: BenchData, pushRuns: number, nowMs: number): Promise<SyncSeed> {
  const startMs = performance.now();
  const storage = await openSqliteStorage(databaseFile);
  try {
    await storage.articles.insertMany(data.articles, nowMs);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const users: StoredUser[] = Array.from({ length: 1 + pushRuns }, (_, index) => ({
      id: newId(),
      username: `sync-bench-${index}`,
      passwordHash,
      createdAtMs: nowMs,
    }));
    await storage.bulk.insertUsers(users);
    const [puller, ...pushers] = users as [StoredUser, ...StoredUser[]];
    const favorites: BulkFavorite[] = data.favorites.map((favorite) => ({
      userId: puller.id,
      articleId: favorite.articleId,
      savedHlc: formatHlc(favorite.savedMs, 0, SEED_CLIENT_ID),
      ...(favorite.note !== undefined ? { note: favorite.note } : {}),
      ...(favorite.public !== undefined ? { public: favorite.public } : {}),
      ...(favorite.tags !== undefined ? { tags: favorite.tags } : {}),
    }));
    await storage.bulk.insertFavorites(favorites);
    const withSession = async (user: StoredUser): Promise<BenchUser> => ({
      id: user.id,
      sessionToken: await createSession(storage, user.id, nowMs),
    });
    return {
      puller: await withSession(puller),
      pushers: await Promise.all(pushers.map(withSession)),
      seconds: (performance.now() - startMs) / 1000,
    };
  } finally {
    await storage.close();
  }
}

/** Saved favorites the server holds for `userId`, read straight from its SQLite file (WAL: readers never block it). */
export function serverSavedCount(databaseFile: string, userId: string): number {
  const db = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select count(*) from favorites where user_id = ? and saved = 1').pluck().get(userId) as number;
  } finally {
    db.close();
  }
}
