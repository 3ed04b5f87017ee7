/**
 * Which requests the worker may answer from a cache. Pure functions of the URL and method, so
 * the rules read in one place: only the public catalogue is ever cached; anything else under
 * /api/ (auth, favorites, sync) is user data or a write and always goes to the network.
 */
const API_PREFIX = '/api/';
const ARTICLE_LIST_PATH = '/api/v1/articles';
const ARTICLE_PATH = /^\/api\/v1\/articles\/[^/]+$/;

interface RequestFacts {
  readonly url: URL;
  readonly method: string;
  /** The worker's own origin; other origins' APIs are none of our business. */
  readonly origin: string;
}

function isOwnGet({ url, method, origin }: RequestFacts): boolean {
  return method === 'GET' && url.origin === origin;
}

/** `GET /api/v1/articles/:id`: one article with its body. */
export function isArticleRequest(facts: RequestFacts): boolean {
  return isOwnGet(facts) && ARTICLE_PATH.test(facts.url.pathname);
}

/** `GET /api/v1/articles?…`: a page of the catalogue (Browse, search). */
export function isArticleListRequest(facts: RequestFacts): boolean {
  return isOwnGet(facts) && facts.url.pathname === ARTICLE_LIST_PATH;
}

/** Any request to our API: network only, unless one of the rules above matched first. */
export function isApiRequest({ url, origin }: RequestFacts): boolean {
  return url.origin === origin && url.pathname.startsWith(API_PREFIX);
}
