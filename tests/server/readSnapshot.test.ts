/**
 * Storage.read, what a pull runs in: one consistent snapshot that takes no write lock. A push
 * from another process (another worker, another instance) commits while a pull is reading, and
 * the pull still sees the state it started from: before, the pull held SQLite's write lock for
 * its whole length and pushes waited for it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/core/hlc';
import type { Storage, StoredUser } from '../../server/storage/types';
import { userSpaceId } from '../../server/storage/spaceIds';
import { applyFavoriteWrite } from '../../server/sync/applyFavoriteWrite';
import { addArticles, addUser, article } from './support/fixtures';
import { storageTargets, useStorage } from './support/storageTargets';

describe.each(storageTargets)('Storage.read on $name', (target) => {
  const db = useStorage(target);
  let storage: Storage;
  let ada: StoredUser;
  let articleIds: string[];

  beforeEach(async () => {
    storage = db.storage;
    ada = await addUser(storage, 'ada');
    articleIds = (await addArticles(storage, [article('first'), article('second')])).map((a) => a.id);
    await applyFavoriteWrite(storage, { userId: ada.id, articleId: articleIds[0]!, patch: { saved: true }, hlc: formatHlc(1_000, 0, 'laptop') });
  });

  it('lets another process commit a write meanwhile, and keeps reading the snapshot it started on', async () => {
    const otherProcess = await db.open();
    try {
      const space = userSpaceId(ada.id);
      const seen = await storage.read(async (tx) => {
        const versionBefore = await tx.spaces.version(space);
        const changesBefore = await tx.favorites.changesAfter(ada.id, [0, ''], 10);
        // Would wait for the write lock (and fail after 5 s) if the read held it.
        await applyFavoriteWrite(otherProcess, {
          userId: ada.id,
          articleId: articleIds[1]!,
          patch: { saved: true },
          hlc: formatHlc(2_000, 0, 'phone'),
        });
        return {
          versionBefore,
          versionAfter: await tx.spaces.version(space),
          changesBefore: changesBefore.length,
          changesAfter: (await tx.favorites.changesAfter(ada.id, [0, ''], 10)).length,
        };
      });
      expect(seen).toEqual({ versionBefore: 1, versionAfter: 1, changesBefore: 1, changesAfter: 1 });
      // The write did commit: the next read sees it.
      expect(await storage.spaces.version(space)).toBe(2);
      expect(await storage.read((tx) => tx.favorites.changesAfter(ada.id, [0, ''], 10))).toHaveLength(2);
    } finally {
      await otherProcess.close();
    }
  });

  it('gives back what the work returns, and its error when it throws', async () => {
    expect(await storage.read(async (tx) => (await tx.favorites.loadRecord(ada.id, articleIds[0]!))?.saved.value)).toBe(true);
    await expect(storage.read(async () => Promise.reject(new Error('no such page')))).rejects.toThrow('no such page');
  });

  // SQLite does not enforce it (a deferred transaction may write); PostgreSQL's READ ONLY does.
  if (target.name === 'PostgreSQL') {
    it('refuses a write inside it', async () => {
      await expect(storage.read((tx) => tx.spaces.bump(userSpaceId(ada.id)))).rejects.toMatchObject({ code: '25006' });
      expect(await storage.spaces.version(userSpaceId(ada.id))).toBe(1);
    });
  }
});
