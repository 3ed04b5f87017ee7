import type { ArticleSummary } from '../contract';
import { isoUtc } from './isoUtc';
import { sameSummary } from './sameSummary';

/**
 * The article summary to keep in a favorite's entry: the one already there when nothing
 * changed (so an unchanged favorite's entry is not copied), else `summary` with its
 * `publishedAt` in UTC like every stored timestamp.
 */
export function entryArticle(summary: ArticleSummary, stored: ArticleSummary | undefined): ArticleSummary {
  if (stored && sameSummary(stored, summary)) return stored;
  const { id, url, title, author, excerpt, publishedAt, imageUrl, readingMinutes } = summary;
  return { id, url, title, author, excerpt, publishedAt: isoUtc(publishedAt), ...(imageUrl !== undefined ? { imageUrl } : {}), readingMinutes };
}
