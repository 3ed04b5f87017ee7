import type { DexieOptions } from 'dexie';
import { FavoritesDb } from './FavoritesDb';

/** One open connection per user for the page's lifetime (Dexie connections are cheap to keep). */
const open = new Map<string, FavoritesDb>();

/** The local database of `userId`, opened on first use. */
export function userDb(userId: string, options?: DexieOptions): FavoritesDb {
  let db = open.get(userId);
  if (!db) {
    db = new FavoritesDb(userId, options);
    open.set(userId, db);
  }
  return db;
}

/** Close a user's database (on sign-out); the data stays for their next sign-in. */
export function closeUserDb(userId: string): void {
  open.get(userId)?.close();
  open.delete(userId);
}
