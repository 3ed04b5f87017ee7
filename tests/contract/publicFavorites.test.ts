import { beforeAll, describe, expect, it } from 'vitest';
import { ArticlePage, type ArticleSummary } from '../../src/contract/articles';
import { PublicFavoritePage } from '../../src/contract/publicFavorites';
import type { TestClient } from './client';
import { expectError, useTarget } from './fixtures';
import { targets } from './targets';

const publicPath = (username: string, query = '') => `/api/v1/users/${username}/favorites${query}`;

async function save(client: TestClient, articleId: string, body: unknown = {}): Promise<void> {
  expect((await client.put(`/api/v1/favorites/${articleId}`, body)).status).toBe(200);
}

describe.each(targets)('public favorites on $name', (target) => {
  const api = useTarget(target);
  let articles: ArticleSummary[] = [];

  beforeAll(async () => {
    articles = ArticlePage.parse((await api.client().get('/api/v1/articles?limit=10')).body).items;
  });
  const articleId = (index: number) => articles[index]!.id;

  it('lists only the favorites marked public, newest saved first, to anyone without signing in', async () => {
    const { client, username } = await api.signedIn('pub');
    await save(client, articleId(0), { public: true, note: 'worth it', tags: ['Essay'] });
    await save(client, articleId(1));
    await save(client, articleId(2), { public: true });

    const response = await api.client().get(publicPath(username));

    expect(response.status).toBe(200);
    const page = PublicFavoritePage.parse(response.body);
    expect(page.user).toEqual({ username });
    expect(page.items.map((f) => f.articleId)).toEqual([articleId(2), articleId(0)]);
    expect(page.items[1]).toMatchObject({ note: 'worth it', tags: ['essay'], article: articles[0] });
    expect(page.nextCursor).toBeNull();
  });

  it('publishes nothing private: no collections, no account id, no flags beyond what the owner chose', async () => {
    const { client, username, userId } = await api.signedIn('pub');
    await save(client, articleId(0), { public: true });
    const response = await api.client().get(publicPath(username));
    const [item] = (response.body as { items: Record<string, unknown>[] }).items;
    expect(Object.keys(item!).sort()).toEqual(['article', 'articleId', 'note', 'savedAt', 'tags']);
    expect(JSON.stringify(response.body)).not.toContain(userId);
  });

  it('drops a favorite made private again or removed', async () => {
    const { client, username } = await api.signedIn('pub');
    await save(client, articleId(0), { public: true });
    await save(client, articleId(1), { public: true });
    await save(client, articleId(0), { public: false });
    expect((await client.delete(`/api/v1/favorites/${articleId(1)}`)).status).toBe(204);

    const page = PublicFavoritePage.parse((await api.client().get(publicPath(username))).body);
    expect(page.items).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const { client, username } = await api.signedIn('pub');
    for (const index of [0, 1, 2]) await save(client, articleId(index), { public: true });

    const first = PublicFavoritePage.parse((await api.client().get(publicPath(username, '?limit=2'))).body);
    const second = PublicFavoritePage.parse(
      (await api.client().get(publicPath(username, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`))).body,
    );

    expect(first.items.map((f) => f.articleId)).toEqual([articleId(2), articleId(1)]);
    expect(second.items.map((f) => f.articleId)).toEqual([articleId(0)]);
    expect(second.nextCursor).toBeNull();
  });

  it('finds the user whatever the case of the username in the address', async () => {
    const { client, username } = await api.signedIn('pub');
    await save(client, articleId(0), { public: true });
    const page = PublicFavoritePage.parse((await api.client().get(publicPath(username.toUpperCase()))).body);
    expect(page.items).toHaveLength(1);
  });

  it('answers 404 for a user that does not exist, and 400 for a bad limit or cursor', async () => {
    expectError(await api.client().get(publicPath('nobody_here_at_all')), 404, 'not_found');
    const { username } = await api.signedIn('pub');
    expectError(await api.client().get(publicPath(username, '?limit=0')), 400, 'validation_failed');
    expectError(await api.client().get(publicPath(username, '?cursor=not-a-cursor')), 400, 'validation_failed');
  });
});
