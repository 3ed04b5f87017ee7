import { describe, expect, it } from 'vitest';
import { savePatch } from '../../../src/core/favoriteRecord';
import { closeUserDb, createSyncStore, dbNameForUser, syncFavoritesRepo, userDb } from '../../../src/db';
import { summary } from './fixtures';

describe('per-user databases', () => {
  it('names each database after its user', () => {
    expect(dbNameForUser('0190c0de-0000-7000-8000-000000000001')).toBe('favorites-0190c0de-0000-7000-8000-000000000001');
    expect(() => dbNameForUser('')).toThrow();
  });

  it('never shows one user the favorites of another', async () => {
    const alice = userDb(`alice-${crypto.randomUUID()}`);
    const bob = userDb(`bob-${crypto.randomUUID()}`);
    try {
      await createSyncStore(alice).writeFavorite(summary('alices-pick'), (view) => savePatch(view, {}), Date.UTC(2024, 5, 1));

      expect(alice.name).not.toBe(bob.name);
      expect(await syncFavoritesRepo(bob).list()).toEqual([]);
      expect(await syncFavoritesRepo(alice).list()).toHaveLength(1);
    } finally {
      await alice.delete();
      await bob.delete();
      closeUserDb(alice.userId);
      closeUserDb(bob.userId);
    }
  });

  it('hands out the same open database for the same user until it is closed', () => {
    const id = `carol-${crypto.randomUUID()}`;
    const first = userDb(id);
    expect(userDb(id)).toBe(first);
    closeUserDb(id);
    expect(userDb(id)).not.toBe(first);
    closeUserDb(id);
  });
});
