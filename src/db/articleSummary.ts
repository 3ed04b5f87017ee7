import type { ArticleSummary } from '../contract';
import type { StoredArticle } from './StoredArticle';

/** The API summary of a stored article (without the local body and storedAt). */
export function articleSummary(stored: StoredArticle): ArticleSummary {
  const { body: _body, storedAt: _storedAt, ...summary } = stored;
  return summary;
}
