import type { ArticleSummary } from '../contract';
import { isoUtc } from './isoUtc';

/** True when `stored` (a stored article or a favorite's summary) already holds `summary`, so rewriting it is a no-op. */
export function sameSummary(stored: ArticleSummary | undefined, summary: ArticleSummary): boolean {
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
