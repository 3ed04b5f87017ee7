import type { HttpHandler } from 'msw';
import type { Article } from '../../src/contract/articles';
import { ApiError } from '../../src/contract/errors';
import { routes } from '../../src/contract/routes';
import { canonicalUrl, InvalidUrlError } from '../../src/core/canonicalUrl';
import { articleIdForUrl } from '../../src/core/ids';
import { route } from '../http/route';
import { keysetPage } from '../paging';
import { matchesAll, searchableText, searchTerms } from '../search';
import { addArticle, type MockState } from '../state';
import { articleSummary } from '../views';

/** Lower-cased title, excerpt and body text per article, built on the first search only. */
function searchIndex(): (article: Article) => string {
  const cache = new WeakMap<Article, string>();
  return (article) => {
    let text = cache.get(article);
    if (text === undefined) {
      text = searchableText(article.title, article.excerpt, article.body);
      cache.set(article, text);
    }
    return text;
  };
}

function canonicalOrInvalid(url: string): string {
  try {
    return canonicalUrl(url);
  } catch (error) {
    if (error instanceof InvalidUrlError) {
      throw new ApiError('validation_failed', 'Invalid request body', { fields: { url: error.message } });
    }
    throw error;
  }
}

/** Titles of links saved without one fall back to host and path, cut to this many characters. */
const FALLBACK_TITLE_MAX_CHARS = 200;

/** An article for a link from outside the catalogue: what the link alone tells (as the server does). */
function articleForLink(url: string, title: string | undefined, nowMs: number): Article {
  const { host, pathname } = new URL(url);
  return {
    id: articleIdForUrl(url),
    url,
    title: title ?? (pathname === '/' ? host : `${host}${pathname}`).slice(0, FALLBACK_TITLE_MAX_CHARS),
    author: host,
    excerpt: '',
    publishedAt: new Date(nowMs).toISOString(),
    readingMinutes: 0,
    body: '',
  };
}

export function articleHandlers(state: MockState): HttpHandler[] {
  const textOf = searchIndex();
  return [
    route(state, routes.listArticles, ({ query }) => {
      const terms = searchTerms(query.q);
      if (query.q && terms.length === 0) return { items: [], nextCursor: null };
      const matching = terms.length
        ? state.articlesNewestFirst.filter((article) => matchesAll(textOf(article), terms))
        : state.articlesNewestFirst;
      const page = keysetPage(matching, (a) => [Date.parse(a.publishedAt), a.id], 'number', query);
      return { items: page.items.map(articleSummary), nextCursor: page.nextCursor };
    }),

    route(state, routes.getArticle, ({ params }) => {
      const article = state.articles.get(params.id);
      if (!article) throw new ApiError('not_found', 'No article with that id');
      return { article };
    }),

    route(state, routes.createArticle, ({ body }) => {
      const url = canonicalOrInvalid(body.url);
      const existing = state.articles.get(articleIdForUrl(url));
      if (existing) return { article: existing };
      const article = articleForLink(url, body.title, state.now());
      addArticle(state, article);
      return { article };
    }),
  ];
}
