import { describe, expect, it } from 'vitest';
import { ArticleEnvelope, ArticlePage, type ArticleSummary } from '../../src/contract/articles';
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from '../../src/contract/common';
import { canonicalUrl } from '../../src/core/canonicalUrl';
import { articleIdForUrl } from '../../src/core/ids';
import type { TestClient } from './client';
import { expectError, useTarget } from './fixtures';
import { targets } from './targets';

async function listPage(client: TestClient, query: string) {
  const response = await client.get(`/api/v1/articles?${query}`);
  expect(response.status).toBe(200);
  return ArticlePage.parse(response.body);
}

/** Every article matching `query`, following cursors to the end. */
async function listAll(client: TestClient, query = ''): Promise<ArticleSummary[]> {
  const all: ArticleSummary[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await listPage(client, `limit=${LIST_LIMIT_MAX}&${query}${suffix}`);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

function expectNewestFirst(items: readonly ArticleSummary[]): void {
  for (let i = 1; i < items.length; i += 1) {
    expect(Date.parse(items[i - 1]!.publishedAt)).toBeGreaterThanOrEqual(Date.parse(items[i]!.publishedAt));
  }
}

describe.each(targets)('articles on $name', (target) => {
  const api = useTarget(target);

  describe('GET /articles', () => {
    it(`lists ${LIST_LIMIT_DEFAULT} article summaries by default, newest first, with a cursor for more`, async () => {
      const page = await listPage(api.client(), '');
      expect(page.items).toHaveLength(LIST_LIMIT_DEFAULT);
      expectNewestFirst(page.items);
      expect(page.nextCursor).toEqual(expect.any(String));
      for (const item of page.items) expect(item).not.toHaveProperty('body');
    });

    it('pages with the cursor through distinct articles in the same order as one long page', async () => {
      const client = api.client();
      const long = await listPage(client, 'limit=60');
      const first = await listPage(client, 'limit=20');
      const second = await listPage(client, `limit=20&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
      const third = await listPage(client, `limit=20&cursor=${encodeURIComponent(second.nextCursor ?? '')}`);
      const paged = [...first.items, ...second.items, ...third.items].map((a) => a.id);
      expect(new Set(paged).size).toBe(60);
      expect(paged).toEqual(long.items.map((a) => a.id));
    });

    it('reaches the end of the catalogue with a null cursor, every article visited once', async () => {
      const all = await listAll(api.client());
      expect(all.length).toBeGreaterThanOrEqual(2400);
      expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
      expectNewestFirst(all);
    });

    it(`refuses a limit over ${LIST_LIMIT_MAX} with 400 naming the field`, async () => {
      const response = await api.client().get(`/api/v1/articles?limit=${LIST_LIMIT_MAX + 1}`);
      const { error } = expectError(response, 400, 'validation_failed');
      expect(error.details?.fields).toHaveProperty('limit');
    });

    it('refuses a cursor it did not issue with 400', async () => {
      const response = await api.client().get('/api/v1/articles?cursor=not-a-cursor');
      const { error } = expectError(response, 400, 'validation_failed');
      expect(error.details?.fields).toHaveProperty('cursor');
    });

    it('narrows the list with q to articles that contain the words', async () => {
      const client = api.client();
      const [target] = (await listPage(client, 'limit=1')).items;
      // A distinctive pair of words from one title: that article must be among the results.
      const words = target!.title.toLowerCase().match(/[a-z]{5,}/g) ?? [];
      const q = words.slice(-2).join(' ');
      const results = await listAll(client, `q=${encodeURIComponent(q)}`);
      expect(results.map((a) => a.id)).toContain(target!.id);
      expect(results.length).toBeLessThan(2400);
      expectNewestFirst(results);
      for (const summary of results.slice(0, 10)) {
        const { article } = ArticleEnvelope.parse((await client.get(`/api/v1/articles/${summary.id}`)).body);
        const text = `${article.title} ${article.excerpt} ${article.body}`.toLowerCase();
        for (const word of words.slice(-2)) expect(text).toContain(word.slice(0, 4));
      }
    });

    it('answers an empty page for a query nothing matches', async () => {
      const page = await listPage(api.client(), 'q=zzqxjvunmatchable');
      expect(page).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('GET /articles/:id', () => {
    it('answers the full article with its body', async () => {
      const client = api.client();
      const [summary] = (await listPage(client, 'limit=1')).items;
      const response = await client.get(`/api/v1/articles/${summary!.id}`);
      expect(response.status).toBe(200);
      const { article } = ArticleEnvelope.parse(response.body);
      expect(article).toMatchObject(summary!);
      expect(article.body).toContain('<p>');
    });

    it('answers 404 for an id that names no article', async () => {
      expectError(await api.client().get(`/api/v1/articles/${'A'.repeat(22)}`), 404, 'not_found');
    });

    it('answers 400 for a malformed id', async () => {
      const { error } = expectError(await api.client().get('/api/v1/articles/not-an-id'), 400, 'validation_failed');
      expect(error.details?.fields).toHaveProperty('id');
    });
  });

  describe('POST /articles', () => {
    const link = 'https://Blog.Example.org/posts/offline-first/?b=2&a=1#comments';

    it('creates an article for a new link, with the id of its canonical URL', async () => {
      const { client } = await api.signedIn();
      const response = await client.post('/api/v1/articles', { url: link, title: 'Offline first, for real' });
      expect(response.status).toBe(200);
      const { article } = ArticleEnvelope.parse(response.body);
      expect(article.id).toBe(articleIdForUrl(link));
      expect(article.url).toBe(canonicalUrl(link));
      expect(article.title).toBe('Offline first, for real');
      const fetched = await client.get(`/api/v1/articles/${article.id}`);
      expect(ArticleEnvelope.parse(fetched.body).article.id).toBe(article.id);
    });

    it('finds the same article for the same link with tracking parameters', async () => {
      const { client } = await api.signedIn();
      const first = ArticleEnvelope.parse((await client.post('/api/v1/articles', { url: link })).body);
      const tracked = `${link.replace('#comments', '')}&utm_source=newsletter&utm_medium=email&fbclid=abc`;
      const second = await client.post('/api/v1/articles', { url: tracked });
      expect(second.status).toBe(200);
      expect(ArticleEnvelope.parse(second.body).article.id).toBe(first.article.id);
    });

    it('finds a catalogue article by its URL rather than creating a copy', async () => {
      const { client } = await api.signedIn();
      const [summary] = (await listPage(client, 'limit=1')).items;
      const response = await client.post('/api/v1/articles', { url: summary!.url, title: 'Another title' });
      expect(ArticleEnvelope.parse(response.body).article).toMatchObject({ id: summary!.id, title: summary!.title });
    });

    it('needs a session', async () => {
      expectError(await api.client().post('/api/v1/articles', { url: link }), 401, 'unauthenticated');
    });

    it('refuses a URL that is not http(s) with 400 naming the field', async () => {
      const { client } = await api.signedIn();
      const { error } = expectError(
        await client.post('/api/v1/articles', { url: 'javascript:alert(1)' }),
        400,
        'validation_failed',
      );
      expect(error.details?.fields).toHaveProperty('url');
    });
  });
});
