import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/core/hlc';
import { openSqliteStorage } from '../../../server/storage/sqlite/openSqliteStorage';
import type { Storage } from '../../../server/storage/types';
import { addArticles, addUser, article } from '../support/fixtures';
import { tempDatabaseFile } from '../support/tempDir';

let storage: Storage | undefined;
afterEach(async () => {
  await storage?.close();
  storage = undefined;
});

async function observed(): Promise<{ storage: Storage; durations: number[] }> {
  const durations: number[] = [];
  storage = await openSqliteStorage(tempDatabaseFile(), { onQuery: (ms) => durations.push(ms) });
  return { storage, durations };
}

describe('query timing in the SQLite adapter', () => {
  it('reports each Kysely query once, with its duration in milliseconds', async () => {
    const { storage, durations } = await observed();
    durations.length = 0; // the migrations ran their own queries
    await storage.articles.count();
    expect(durations).toHaveLength(1);
    expect(durations[0]).toBeGreaterThanOrEqual(0);
    expect(durations[0]).toBeLessThan(1_000);
  });

  it('reports the favorites page read on its prepared-statement fast path as one query', async () => {
    const { storage, durations } = await observed();
    const user = await addUser(storage);
    const [saved] = await addArticles(storage, [article('timed')]);
    await storage.bulk.insertFavorites([{ userId: user.id, articleId: saved!.id, savedHlc: formatHlc(1_700_000_000_000, 0, 'seed-device') }]);
    durations.length = 0;
    const page = await storage.favorites.list(user.id, { limit: 10 });
    expect(page.items).toHaveLength(1);
    expect(durations).toHaveLength(1);
  });

  it('reports the statements of a transaction, begin and commit included', async () => {
    const { storage, durations } = await observed();
    durations.length = 0;
    await storage.transaction((tx) => tx.articles.count());
    expect(durations).toHaveLength(3);
  });

  it('times nothing when no observer is given', async () => {
    storage = await openSqliteStorage(tempDatabaseFile());
    await expect(storage.articles.count()).resolves.toBe(0);
  });
});
