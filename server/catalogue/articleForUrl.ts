/** The article made for a link saved from outside the catalogue. */
import type { Article } from '../../src/contract';
import { canonicalUrl } from '../../src/core/canonicalUrl';
import { articleIdForUrl } from '../../src/core/ids';

/** Titles fall back to host and path; long paths are cut to this many characters. */
const FALLBACK_TITLE_MAX_CHARS = 200;

export function articleForUrl(url: string, title: string | undefined, nowMs: number): Article {
  const canonical = canonicalUrl(url);
  const { host, pathname } = new URL(canonical);
  const fallbackTitle = (pathname === '/' ? host : `${host}${pathname}`).slice(0, FALLBACK_TITLE_MAX_CHARS);
  return {
    id: articleIdForUrl(canonical),
    url: canonical,
    title: title ?? fallbackTitle,
    author: host,
    excerpt: '',
    publishedAt: new Date(nowMs).toISOString(),
    readingMinutes: 0,
    body: '',
  };
}
