/**
 * The service worker's connections to users' local databases: opened on a user's first pass and
 * kept for the next ones, since opening one was part of the start of every pass (the saves and
 * pokes a user waits on). A kept connection never blocks a page's upgrade: Dexie closes it on
 * `versionchange` (its default handler), which drops it here, and the next pass opens a new one.
 */
import { FavoritesDb } from '../db';

export type DatabaseOf = (userId: string) => FavoritesDb;

export function workerDatabases(open: DatabaseOf = (userId) => new FavoritesDb(userId)): DatabaseOf {
  const kept = new Map<string, FavoritesDb>();
  return (userId) => {
    const existing = kept.get(userId);
    if (existing) return existing;
    const db = open(userId);
    kept.set(userId, db);
    // Fired when Dexie closes it for whatever reason (an upgrade elsewhere, a deletion, close()).
    db.on('close', () => {
      if (kept.get(userId) === db) kept.delete(userId);
    });
    return db;
  };
}
