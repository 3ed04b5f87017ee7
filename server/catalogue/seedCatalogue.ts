/** A fresh install gets the generated catalogue, so there are articles to browse at once. */
import { generateCatalogue } from '../../src/seed/catalogue';
import type { Storage } from '../storage/types';

/** Loads the catalogue in one transaction when the articles table is empty; returns how many. */
export async function seedCatalogue(storage: Storage, nowMs: number): Promise<number> {
  return storage.transaction(async (tx) => {
    if ((await tx.articles.count()) > 0) return 0;
    const articles = generateCatalogue();
    await tx.articles.insertMany(articles, nowMs);
    return articles.length;
  });
}
