import type { Favorite } from '../../../src/contract';
import { openSqliteStorage } from '../../../server/storage/sqlite/openSqliteStorage';

/** A user's favorite as stored in the SQLite file, read on a connection of its own (after a server stopped). */
export async function storedFavorite(databaseFile: string, username: string, articleId: string): Promise<Favorite | null> {
  const storage = await openSqliteStorage(databaseFile);
  try {
    const user = await storage.users.findByUsername(username);
    return user ? await storage.favorites.get(user.id, articleId) : null;
  } finally {
    await storage.close();
  }
}
