import { describe, expect, it } from 'vitest';
import { isApiRequest, isArticleListRequest, isArticleRequest } from '../../../src/sw/apiRequests';

const origin = 'https://favorites.example';
const facts = (path: string, method = 'GET', base = origin) => ({ url: new URL(path, base), method, origin });

describe('service worker cache rules', () => {
  it('caches one article and catalogue pages read with GET on our own origin', () => {
    expect(isArticleRequest(facts('/api/v1/articles/AbCdEfGhIjKlMnOpQrStUv'))).toBe(true);
    expect(isArticleListRequest(facts('/api/v1/articles?q=solar&limit=50'))).toBe(true);
  });

  it('never treats a write, another origin or a nested path as a cacheable article', () => {
    expect(isArticleRequest(facts('/api/v1/articles/abc', 'POST'))).toBe(false);
    expect(isArticleListRequest(facts('/api/v1/articles', 'POST'))).toBe(false);
    expect(isArticleRequest(facts('/api/v1/articles/abc', 'GET', 'https://evil.example'))).toBe(false);
    expect(isArticleRequest(facts('/api/v1/articles/abc/comments'))).toBe(false);
  });

  it('keeps favorites, auth and sync on the network: they are API requests but not catalogue reads', () => {
    for (const path of ['/api/v1/favorites', '/api/v1/auth/me', '/api/v1/sync/pull']) {
      expect(isApiRequest(facts(path))).toBe(true);
      expect(isArticleRequest(facts(path)) || isArticleListRequest(facts(path))).toBe(false);
    }
  });
});
