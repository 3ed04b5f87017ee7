import { beforeAll, describe, expect, it } from 'vitest';
import { ArticlePage, type ArticleSummary } from '../../src/contract/articles';
import { FavoriteEnvelope, FavoritePage, type Favorite } from '../../src/contract/favorites';
import type { TestClient } from './client';
import { expectError, useTarget } from './fixtures';
import { targets } from './targets';

const favoritePath = (id: string) => `/api/v1/favorites/${id}`;

async function save(client: TestClient, articleId: string, body: unknown = {}): Promise<Favorite> {
  const response = await client.put(favoritePath(articleId), body);
  expect(response.status).toBe(200);
  return FavoriteEnvelope.parse(response.body).favorite;
}

async function list(client: TestClient, query = ''): Promise<{ items: Favorite[]; nextCursor: string | null }> {
  const response = await client.get(`/api/v1/favorites?${query}`);
  expect(response.status).toBe(200);
  return FavoritePage.parse(response.body);
}

const ids = (favorites: readonly Favorite[]) => favorites.map((f) => f.articleId);

describe.each(targets)('favorites on $name', (target) => {
  const api = useTarget(target);
  let articles: ArticleSummary[] = [];

  beforeAll(async () => {
    const response = await api.client().get('/api/v1/articles?limit=40');
    articles = ArticlePage.parse(response.body).items;
  });
  const article = (index: number): ArticleSummary => {
    const found = articles[index];
    if (!found) throw new Error(`no article at ${index}`);
    return found;
  };

  describe('PUT /favorites/:articleId', () => {
    it('saves the article and answers the favorite with its article summary', async () => {
      const { client } = await api.signedIn();
      const favorite = await save(client, article(0).id);
      expect(favorite).toMatchObject({
        articleId: article(0).id,
        note: '',
        public: false,
        tags: [],
        collectionIds: [],
        article: article(0),
      });
      expect(Date.parse(favorite.savedAt)).not.toBeNaN();
    });

    it('sets the note, the public flag and the tags given, tags normalised and deduplicated', async () => {
      const { client } = await api.signedIn();
      const favorite = await save(client, article(1).id, {
        note: 'Read before the offsite',
        public: true,
        tags: ['Work', 'reading', 'work'],
      });
      expect(favorite).toMatchObject({ note: 'Read before the offsite', public: true });
      expect([...favorite.tags].sort()).toEqual(['reading', 'work']);
    });

    it('is idempotent: saving again keeps one favorite and its savedAt', async () => {
      const { client } = await api.signedIn();
      const first = await save(client, article(2).id, { note: 'once' });
      const again = await save(client, article(2).id, { note: 'once' });
      expect(again.savedAt).toBe(first.savedAt);
      expect(again).toMatchObject({ articleId: first.articleId, note: 'once' });
      expect(ids((await list(client)).items)).toEqual([article(2).id]);
    });

    it('changes only the fields given; a tag list replaces the tags', async () => {
      const { client } = await api.signedIn();
      await save(client, article(3).id, { note: 'keep me', tags: ['a', 'b'] });
      const updated = await save(client, article(3).id, { tags: ['c'] });
      expect(updated).toMatchObject({ note: 'keep me', public: false, tags: ['c'] });
    });

    it('answers 404 for an article that does not exist', async () => {
      const { client } = await api.signedIn();
      expectError(await client.put(favoritePath('A'.repeat(22)), {}), 404, 'not_found');
    });

    it('answers 401 without a session', async () => {
      expectError(await api.client().put(favoritePath(article(0).id), {}), 401, 'unauthenticated');
    });

    it('refuses fields the contract does not know with 400', async () => {
      const { client } = await api.signedIn();
      expectError(await client.put(favoritePath(article(0).id), { starred: true }), 400, 'validation_failed');
    });
  });

  describe('GET /favorites', () => {
    it('lists the caller\'s favorites newest saved first', async () => {
      const { client } = await api.signedIn();
      for (const index of [4, 5, 6]) await save(client, article(index).id);
      expect(ids((await list(client)).items)).toEqual([article(6).id, article(5).id, article(4).id]);
    });

    it('pages with the cursor, visiting every favorite once, and ends with a null cursor', async () => {
      const { client } = await api.signedIn();
      const saved = [7, 8, 9, 10, 11].map((index) => article(index).id);
      for (const id of saved) await save(client, id);
      const first = await list(client, 'limit=2');
      const second = await list(client, `limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
      const third = await list(client, `limit=2&cursor=${encodeURIComponent(second.nextCursor ?? '')}`);
      expect([first, second, third].map((page) => ids(page.items))).toEqual([
        [saved[4], saved[3]],
        [saved[2], saved[1]],
        [saved[0]],
      ]);
      expect(third.nextCursor).toBeNull();
    });

    it('filters by tag, whatever its case', async () => {
      const { client } = await api.signedIn();
      await save(client, article(12).id, { tags: ['work'] });
      await save(client, article(13).id, { tags: ['home'] });
      expect(ids((await list(client, 'tag=Work')).items)).toEqual([article(12).id]);
    });

    it('filters by q over the note and the article title', async () => {
      const { client } = await api.signedIn();
      await save(client, article(14).id, { note: 'quokka sightings' });
      await save(client, article(15).id, { note: 'nothing special' });
      expect(ids((await list(client, 'q=quokka')).items)).toEqual([article(14).id]);
      const titleWord = article(15).title.toLowerCase().match(/[a-z]{6,}/)?.[0] ?? '';
      expect(ids((await list(client, `q=${titleWord}`)).items)).toContain(article(15).id);
    });

    it('answers 401 without a session', async () => {
      expectError(await api.client().get('/api/v1/favorites'), 401, 'unauthenticated');
    });

    it('refuses a cursor it did not issue with 400', async () => {
      const { client } = await api.signedIn();
      expectError(await client.get('/api/v1/favorites?cursor=not-a-cursor'), 400, 'validation_failed');
    });
  });

  describe('GET /favorites/search', () => {
    it('finds favorites by words of the note, tags and article text', async () => {
      const { client } = await api.signedIn();
      await save(client, article(16).id, { note: 'platypus', tags: ['zoology'] });
      await save(client, article(17).id, { note: 'unrelated' });
      const search = async (q: string) => {
        const response = await client.get(`/api/v1/favorites/search?q=${encodeURIComponent(q)}`);
        expect(response.status).toBe(200);
        return ids(FavoritePage.parse(response.body).items);
      };
      expect(await search('platypus')).toEqual([article(16).id]);
      expect(await search('zoology')).toEqual([article(16).id]);
      const titleWord = article(17).title.toLowerCase().match(/[a-z]{6,}/)?.[0] ?? '';
      expect(await search(titleWord)).toContain(article(17).id);
    });

    it('needs a query: 400 naming q', async () => {
      const { client } = await api.signedIn();
      const { error } = expectError(await client.get('/api/v1/favorites/search'), 400, 'validation_failed');
      expect(error.details?.fields).toHaveProperty('q');
    });
  });

  describe('DELETE /favorites/:articleId', () => {
    it('removes the favorite with 204, and again with 204', async () => {
      const { client } = await api.signedIn();
      await save(client, article(18).id, { note: 'gone soon', tags: ['tmp'] });
      expect((await client.delete(favoritePath(article(18).id))).status).toBe(204);
      expect((await list(client)).items).toEqual([]);
      expect((await client.delete(favoritePath(article(18).id))).status).toBe(204);
    });

    it('clears the favorite whole, so saving it again starts clean', async () => {
      const { client } = await api.signedIn();
      await save(client, article(19).id, { note: 'old note', tags: ['old'] });
      await client.delete(favoritePath(article(19).id));
      expect(await save(client, article(19).id)).toMatchObject({ note: '', tags: [], public: false });
    });

    it('answers 204 for an article never saved', async () => {
      const { client } = await api.signedIn();
      expect((await client.delete(favoritePath(article(20).id))).status).toBe(204);
    });

    it('answers 401 without a session', async () => {
      expectError(await api.client().delete(favoritePath(article(0).id)), 401, 'unauthenticated');
    });
  });

  describe('isolation between users', () => {
    it('shows another user none of my favorites, and their DELETE leaves mine alone', async () => {
      const alice = await api.signedIn('alice');
      const bob = await api.signedIn('bob');
      await save(alice.client, article(21).id, { note: 'mine' });
      expect((await list(bob.client)).items).toEqual([]);
      const search = await bob.client.get('/api/v1/favorites/search?q=mine');
      expect(FavoritePage.parse(search.body).items).toEqual([]);
      expect((await bob.client.delete(favoritePath(article(21).id))).status).toBe(204);
      expect(ids((await list(alice.client)).items)).toEqual([article(21).id]);
    });
  });
});
