/** A storage with a user and some articles, plus the clock and deps the sync functions take. */
import { formatHlc } from '../../../src/core/hlc';
import type { FavoriteSetArgs, Mutation } from '../../../src/contract';
import { openSqliteStorage } from '../../../server/storage/sqlite/openSqliteStorage';
import type { Storage, StoredUser } from '../../../server/storage/types';
import type { SyncDeps } from '../../../server/sync/pushMutations';
import { ServerClock } from '../../../server/sync/serverClock';
import { addArticles, addUser, article } from './fixtures';
import { tempDatabaseFile } from './tempDir';
import { testClock, type TestClock } from './testClock';

export interface SyncFixture {
  /** The SQLite file, for reading rows as stored with a separate connection. */
  readonly file: string;
  readonly storage: Storage;
  readonly deps: SyncDeps;
  readonly now: TestClock;
  readonly user: StoredUser;
  readonly articleIds: readonly string[];
}

export async function syncFixture(articleCount = 20): Promise<SyncFixture> {
  const file = tempDatabaseFile();
  const storage = await openSqliteStorage(file);
  const now = testClock();
  const user = await addUser(storage, 'ada');
  const articles = await addArticles(
    storage,
    Array.from({ length: articleCount }, (_, i) => article(`sync-${i}`)),
  );
  return { file, storage, deps: { storage, clock: new ServerClock(now), now }, now, user, articleIds: articles.map((a) => a.id) };
}

export function setFavorite(id: number, clientId: string, args: FavoriteSetArgs, wallMs: number): Mutation {
  return { id, op: 'favorite.set.v1', args, hlc: formatHlc(wallMs, 0, clientId) };
}
