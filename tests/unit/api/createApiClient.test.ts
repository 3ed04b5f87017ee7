import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BadResponseError, createApiClient, NetworkError } from '../../../src/api';
import { ApiError, CSRF_HEADER, CSRF_HEADER_VALUE, type ArticleSummary } from '../../../src/contract';
import { articleIdForUrl } from '../../../src/core/ids';

const ORIGIN = 'http://api.test';
const server = setupServer();
const client = createApiClient({ baseUrl: ORIGIN });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const user = { id: '0190c0de-0000-7000-8000-000000000001', username: 'ada', createdAt: '2024-05-01T10:00:00.000Z' };
const article: ArticleSummary = {
  id: articleIdForUrl('https://example.com/a'),
  url: 'https://example.com/a',
  title: 'A',
  author: 'Ada',
  excerpt: 'About A.',
  publishedAt: '2024-05-01T10:00:00.000Z',
  readingMinutes: 3,
};

describe('the API client', () => {
  it('sends JSON with the CSRF header and returns the parsed body', async () => {
    let seen: { headers: Headers; body: unknown } | undefined;
    server.use(
      http.post(`${ORIGIN}/api/v1/auth/login`, async ({ request }) => {
        seen = { headers: request.headers, body: await request.json() };
        return HttpResponse.json({ user }, { status: 200 });
      }),
    );

    await expect(client.login({ username: 'ada', password: 'correct horse' })).resolves.toEqual(user);
    expect(seen?.headers.get(CSRF_HEADER)).toBe(CSRF_HEADER_VALUE);
    expect(seen?.headers.get('content-type')).toBe('application/json');
    expect(seen?.body).toEqual({ username: 'ada', password: 'correct horse' });
  });

  it('builds the path and query from the route table', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${ORIGIN}/api/v1/articles`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ items: [article], nextCursor: 'next' });
      }),
    );

    const page = await client.listArticles({ q: 'offline first', cursor: 'abc', limit: 100 });

    expect(page).toEqual({ items: [article], nextCursor: 'next' });
    expect(Object.fromEntries(url!.searchParams)).toEqual({ q: 'offline first', cursor: 'abc', limit: '100' });
  });

  it('answers a 204 route with nothing', async () => {
    server.use(http.delete(`${ORIGIN}/api/v1/favorites/:articleId`, () => new HttpResponse(null, { status: 204 })));
    await expect(client.removeFavorite(article.id)).resolves.toBeUndefined();
  });

  it('turns an error envelope into an ApiError with its code, message and details', async () => {
    server.use(
      http.post(`${ORIGIN}/api/v1/auth/signup`, () =>
        HttpResponse.json({ error: { code: 'conflict', message: 'That username is taken' } }, { status: 409 }),
      ),
    );

    const error = await client.signup({ username: 'ada', password: 'long enough' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'conflict', status: 409, message: 'That username is taken' });
  });

  it('keeps the wait a rate limit asks for', async () => {
    server.use(
      http.post(`${ORIGIN}/api/v1/auth/login`, () =>
        HttpResponse.json(
          { error: { code: 'rate_limited', message: 'Too many attempts' } },
          { status: 429, headers: { 'Retry-After': '120' } },
        ),
      ),
    );

    const error = await client.login({ username: 'ada', password: 'x' }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 120 } });
  });

  it('treats an HTML page with status 200 as an error, never as success', async () => {
    server.use(
      http.get(`${ORIGIN}/api/v1/auth/me`, () => HttpResponse.html('<html><body>Sign in to the Wi-Fi</body></html>')),
    );

    await expect(client.me()).rejects.toBeInstanceOf(BadResponseError);
  });

  it('rejects a JSON success body that does not match the contract', async () => {
    server.use(http.get(`${ORIGIN}/api/v1/auth/me`, () => HttpResponse.json({ user: { id: 1 } })));

    await expect(client.me()).rejects.toBeInstanceOf(BadResponseError);
  });

  it('reports an unreachable server as a NetworkError', async () => {
    server.use(http.get(`${ORIGIN}/api/v1/auth/me`, () => HttpResponse.error()));

    await expect(client.me()).rejects.toBeInstanceOf(NetworkError);
  });

  it('maps a gateway error without the envelope to unavailable', async () => {
    server.use(http.get(`${ORIGIN}/api/v1/articles`, () => HttpResponse.text('Bad Gateway', { status: 502 })));

    await expect(client.listArticles()).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('refuses invalid input before sending anything', async () => {
    // onUnhandledRequest: 'error' would fail the test if a request went out.
    const error = await client.signup({ username: 'A!', password: 'short' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect(Object.keys((error as ApiError).details?.fields as object)).toEqual(['username', 'password']);
  });
});
