import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import type { ArticleSummary } from '../../contract';

/** Articles per request: big enough that fast scrolling rarely waits, small enough to be quick. */
export const FEED_PAGE_SIZE = 100;
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

/**
 * The catalogue for search `q`, a page at a time, following the server's cursors. Mount it
 * under `key={q}`: a new search is a new feed.
 */
export function useArticleFeed(q: string) {
  const [feed, setFeed] = useState<Feed>(() => cache.get(q) ?? EMPTY);
  const [status, setStatus] = useState<FeedStatus>('idle');
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef<AbortController | null>(null);

  const loadMore = useCallback(() => {
    if (inFlight.current || feed.done) return;
    const controller = new AbortController();
    inFlight.current = controller;
    setStatus('loading');
    api
      .listArticles({ q: q || undefined, limit: FEED_PAGE_SIZE, cursor: feed.nextCursor ?? undefined }, { signal: controller.signal })
      .then((page) => {
        // A row inserted between two requests could come twice; keys must stay unique.
        const seen = new Set(feed.items.map((item) => item.id));
        const next: Feed = {
          items: [...feed.items, ...page.items.filter((item) => !seen.has(item.id))],
          nextCursor: page.nextCursor,
          done: page.nextCursor === null,
        };
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
