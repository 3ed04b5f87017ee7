import type { ArticleSummary } from '../contract';

/**
 * An article as kept locally: always the summary, plus the body once the full article was
 * fetched (opened or saved), so it can be read offline.
 */
export interface StoredArticle extends ArticleSummary {
  body?: string;
  /** When this copy was last written locally (ISO 8601, UTC). */
  storedAt: string;
}
