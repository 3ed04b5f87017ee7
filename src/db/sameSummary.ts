import type { ArticleSummary } from '../contract';
import { isoUtc } from './isoUtc';
import type { StoredArticle } from './StoredArticle';

/** True when `stored` already holds `summary`, so rewriting it (and its storedAt) is a no-op. */
export function sameSummary(stored: StoredArticle | undefined, summary: ArticleSummary): boolean {
  if (!stored) return false;
  return (
    stored.url === summary.url &&
    stored.title === summary.title &&
    stored.author === summary.author &&
    stored.excerpt === summary.excerpt &&
    stored.publishedAt === isoUtc(summary.publishedAt) &&
    stored.imageUrl === summary.imageUrl &&
    stored.readingMinutes === summary.readingMinutes
  );
}
