import type { ArticlePage } from '../../contract';
import { requestFeedPage } from './feedPage';

/**
 * Browse's first page, requested before React renders instead of from the feed's first
 * effect. On `/` without a search the request is answered from index.html's preload (the
 * browser started it while the scripts downloaded). The feed starts with the page if it
 * arrived before the first render, and otherwise waits on this request, never sending a second.
 */
interface Prefetch {
  readonly request: Promise<ArticlePage>;
  page?: ArticlePage;
}

let prefetch: Prefetch | null = null;

/** The start URL is the whole catalogue's Browse page (the only one index.html preloads). */
function startsOnBrowse(): boolean {
  return window.location.pathname === '/' && !new URLSearchParams(window.location.search).has('q');
}

/**
 * Starts the request on Browse without a search; resolves when it has settled (never rejects:
 * a failed prefetch is dropped and the feed asks again, showing the error as usual).
 */
export function prefetchFirstPage(): Promise<void> {
  if (!startsOnBrowse()) return Promise.resolve();
  const request = requestFeedPage('', null);
  const current: Prefetch = { request };
  prefetch = current;
  return request.then(
    (page) => {
      current.page = page;
    },
    () => {
      if (prefetch === current) prefetch = null;
    },
  );
}

/** The prefetched first page if it has arrived, handed out once. */
export function takeFirstPage(): ArticlePage | null {
  const page = prefetch?.page ?? null;
  if (page) prefetch = null;
  return page;
}

/**
 * The prefetch's request (on its way, or answered after the first render), handed out once,
 * so the feed waits on it instead of sending a second request.
 */
export function takeFirstPageRequest(): Promise<ArticlePage> | null {
  const request = prefetch?.request ?? null;
  prefetch = null;
  return request;
}
