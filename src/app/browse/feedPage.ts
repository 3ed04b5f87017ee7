import { api, type CallOptions } from '../../api';
import type { ArticlePage } from '../../contract';

/** Articles per request: big enough that fast scrolling rarely waits, small enough to be quick. */
export const FEED_PAGE_SIZE = 100;

/**
 * One page of the catalogue for search `q` (empty: the whole catalogue) after `cursor`. The
 * first page of the whole catalogue is `GET /api/v1/articles?limit=100`, the URL index.html
 * preloads: keep the two in step (tests/unit/firstPagePreload.test.ts).
 */
export function requestFeedPage(q: string, cursor: string | null, options?: CallOptions): Promise<ArticlePage> {
  return api.listArticles({ q: q || undefined, limit: FEED_PAGE_SIZE, cursor: cursor ?? undefined }, options);
}
