import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import type { RouteMatchCallback } from 'workbox-core/types';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { isApiRequest, isArticleListRequest, isArticleRequest } from './apiRequests';

declare const self: ServiceWorkerGlobalScope;

/** Cache names carry a version: a change of format starts a fresh cache, never a mixed one. */
export const CACHE_NAMES = {
  articles: 'favorites-articles-v1',
  articleLists: 'favorites-article-lists-v1',
  images: 'favorites-images-v1',
} as const;

/** On a slow link, give up on the network after this long and show the cached copy. */
const NETWORK_TIMEOUT_SECONDS = 4;
/** Articles opened once, kept for offline reading; the oldest go first. */
const ARTICLES_MAX_ENTRIES = 500;
/** Browse and search pages: enough for the last few lists the user saw. */
const ARTICLE_LISTS_MAX_ENTRIES = 30;
const IMAGES_MAX_ENTRIES = 300;
const IMAGES_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Only complete successes are cached: never an error page, a redirect or an opaque body. */
const onlyOk = () => new CacheableResponsePlugin({ statuses: [200] });

function matching(rule: (facts: { url: URL; method: string; origin: string }) => boolean): RouteMatchCallback {
  return ({ url, request }) => rule({ url, method: request.method, origin: self.location.origin });
}

/**
 * Article pages and catalogue lists: network first (fresh when online), the last good copy
 * when offline. Images: cache first, they do not change. Everything else under /api/ is
 * network only, so no session, favorite or sync answer is ever served stale.
 */
export function installRuntimeCaching(): void {
  registerRoute(
    matching(isArticleRequest),
    new NetworkFirst({
      cacheName: CACHE_NAMES.articles,
      networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
      plugins: [onlyOk(), new ExpirationPlugin({ maxEntries: ARTICLES_MAX_ENTRIES })],
    }),
  );
  registerRoute(
    matching(isArticleListRequest),
    new NetworkFirst({
      cacheName: CACHE_NAMES.articleLists,
      networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
      plugins: [onlyOk(), new ExpirationPlugin({ maxEntries: ARTICLE_LISTS_MAX_ENTRIES })],
    }),
  );
  registerRoute(matching(isApiRequest), new NetworkOnly());
  registerRoute(
    ({ request }) => request.destination === 'image',
    new CacheFirst({
      cacheName: CACHE_NAMES.images,
      plugins: [
        onlyOk(),
        new ExpirationPlugin({ maxEntries: IMAGES_MAX_ENTRIES, maxAgeSeconds: IMAGES_MAX_AGE_SECONDS, purgeOnQuotaError: true }),
      ],
    }),
  );
}
