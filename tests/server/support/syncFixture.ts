/** A user and some articles in a storage, plus the clock and deps the sync functions take. */
import { formatHlc } from '../../../src/core/hlc';
import type { FavoriteSetArgs, Mutation } from '../../../src/contract';
import type { Storage, StoredUser } from '../../../server/storage/types';
import type { SyncDeps } from '../../../server/sync/pushMutations';
import { ServerClock } from '../../../server/sync/serverClock';
import { addArticles, addUser, article } from './fixtures';
import { testClock, type TestClock } from './testClock';

export interface SyncFixture {
  readonly storage: Storage;
  readonly deps: SyncDeps;
  readonly now: TestClock;
  readonly user: StoredUser;
  readonly articleIds: readonly string[];
}

/** `storage` is a fresh one (storageTargets.ts: `useStorage(target).storage`). */
export async function syncFixture(storage: Storage, articleCount = 20): Promise<SyncFixture> {
  const now = testClock();
  const user = await addUser(storage, 'ada');
  const articles = await addArticles(
    storage,
    Array.from({ length: articleCount }, (_, i) => article(`sync-${i}`)),
  );
  return { storage, deps: { storage, clock: new ServerClock(now), now }, now, user, articleIds: articles.map((a) => a.id) };
}

export function setFavorite(id: number, clientId: string, args: FavoriteSetArgs, wallMs: number): Mutation {
  return { id, op: 'favorite.set.v1', args, hlc: formatHlc(wallMs, 0, clientId) };
}
