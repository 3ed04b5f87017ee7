/**
 * The primary's one-time start work, before any worker exists: open the database (which runs the
 * pending migrations), seed the catalogue on a fresh install, close. Workers then open a database
 * that is ready, so they never race each other on migrations or the seed.
 */
import { seedCatalogue } from '../catalogue/seedCatalogue';
import type { Config } from '../config';
import { openStorage } from '../storage/openStorage';

export async function prepareStorage(config: Pick<Config, 'databaseFile' | 'databaseUrl'>, nowMs = Date.now()): Promise<void> {
  const storage = await openStorage({ databaseFile: config.databaseFile, databaseUrl: config.databaseUrl ?? undefined });
  try {
    await seedCatalogue(storage, nowMs);
  } finally {
    await storage.close();
  }
}
