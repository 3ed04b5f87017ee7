/**
 * Article summaries by id, kept in memory. Reading eight text columns per row costs more
 * than the whole index scan of a favorites page (about 150 µs of 250 µs for 50 rows here),
 * and articles never change once created (insert-if-absent is the only write), so a page
 * reads its favorites' registers from the database and their articles from here.
 * Bounded (the oldest loaded entry goes first); entries are shared objects and must not be
 * mutated. An article update path, should one appear, must call `forget`.
 */
import type { ArticleSummary } from '../../../src/contract';

/** About 600 bytes each: 20,000 entries hold the catalogue many times over in ~12 MB. */
export const ARTICLE_SUMMARY_CACHE_MAX_ENTRIES = 20_000;

export class ArticleSummaryCache {
  readonly #entries = new Map<string, ArticleSummary>();

  constructor(readonly maxEntries = ARTICLE_SUMMARY_CACHE_MAX_ENTRIES) {}

  /** Summaries for `ids` (in no particular order), loading the missing ones in one call. */
  async getMany(
    ids: readonly string[],
    load: (missing: string[]) => Promise<ArticleSummary[]>,
  ): Promise<Map<string, ArticleSummary>> {
    const found = new Map<string, ArticleSummary>();
    const missing: string[] = [];
    for (const id of ids) {
      const summary = this.#entries.get(id);
      if (summary) found.set(id, summary);
      else missing.push(id);
    }
    if (missing.length > 0) {
      for (const summary of await load(missing)) {
        this.#remember(summary);
        found.set(summary.id, summary);
      }
    }
    return found;
  }

  /** The cached summary, or undefined; for synchronous callers that load misses themselves. */
  peek(id: string): ArticleSummary | undefined {
    return this.#entries.get(id);
  }

  /** Caches a summary a synchronous caller loaded itself. */
  add(summary: ArticleSummary): void {
    this.#remember(summary);
  }

  forget(id: string): void {
    this.#entries.delete(id);
  }

  #remember(summary: ArticleSummary): void {
    this.#entries.delete(summary.id);
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(summary.id, summary);
  }
}
