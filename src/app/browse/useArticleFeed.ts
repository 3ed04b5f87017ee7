import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticlePage, ArticleSummary } from '../../contract';
import { requestFeedPage } from './feedPage';
import { takeFirstPage, takeFirstPageRequest } from './firstPagePrefetch';

/** Feeds kept in memory so Back from an article returns to the same list (and scroll position). */
const CACHED_FEEDS_MAX = 3;

interface Feed {
  readonly items: readonly ArticleSummary[];
  readonly nextCursor: string | null;
  readonly done: boolean;
}

export type FeedStatus = 'idle' | 'loading' | 'error';

const EMPTY: Feed = { items: [], nextCursor: null, done: false };
const cache = new Map<string, Feed>();

function remember(q: string, feed: Feed): void {
  cache.delete(q);
  cache.set(q, feed);
  while (cache.size > CACHED_FEEDS_MAX) cache.delete(cache.keys().next().value!);
}

function feedAfter(feed: Feed, page: ArticlePage): Feed {
  // A row inserted between two requests could come twice; keys must stay unique.
  const seen = new Set(feed.items.map((item) => item.id));
  return {
    items: [...feed.items, ...page.items.filter((item) => !seen.has(item.id))],
    nextCursor: page.nextCursor,
    done: page.nextCursor === null,
  };
}

/** The feed a mount starts with: the one kept for Back, else Browse's prefetched first page. */
function initialFeed(q: string): Feed {
  const cached = cache.get(q);
  if (cached) return cached;
  const prefetched = q === '' ? takeFirstPage() : null;
  if (!prefetched) return EMPTY;
  const feed = feedAfter(EMPTY, prefetched);
  remember(q, feed);
  return feed;
}

/**
 * The catalogue for search `q`, a page at a time, following the server's cursors. Mount it
 * under `key={q}`: a new search is a new feed.
 */
export function useArticleFeed(q: string) {
  const [feed, setFeed] = useState<Feed>(() => initialFeed(q));
  const [status, setStatus] = useState<FeedStatus>('idle');
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef<AbortController | null>(null);

  const loadMore = useCallback(() => {
    if (inFlight.current || feed.done) return;
    const controller = new AbortController();
    inFlight.current = controller;
    setStatus('loading');
    // Browse's first page may already be on its way (main.tsx prefetches it before rendering).
    const prefetched = q === '' && feed.items.length === 0 ? takeFirstPageRequest() : null;
    (prefetched ?? requestFeedPage(q, feed.nextCursor, { signal: controller.signal }))
      .then((page) => {
        // The prefetch ignores the signal: an unmounted feed drops its answer here.
        if (controller.signal.aborted) return;
        const next = feedAfter(feed, page);
        remember(q, next);
        setFeed(next);
        setStatus('idle');
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
        setStatus('error');
      })
      .finally(() => {
        if (inFlight.current === controller) inFlight.current = null;
      });
  }, [feed, q]);

  // The first page, once; later pages come as the list nears its end.
  const started = feed.items.length > 0 || feed.done;
  useEffect(() => {
    if (!started) loadMore();
  }, [started, loadMore]);

  useEffect(
    () => () => {
      inFlight.current?.abort();
      inFlight.current = null;
    },
    [],
  );

  return { items: feed.items, done: feed.done, status, error, loadMore };
}
