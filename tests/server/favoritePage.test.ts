import { beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/core/hlc';
import type { Storage, StoredUser } from '../../server/storage/types';
import { addArticles, addUser, article } from './support/fixtures';
import { storageTargets, useStorage } from './support/storageTargets';

const at = (wallMs: number) => formatHlc(wallMs, 0, 'server');

describe.each(storageTargets)('on $name', (target) => {
  const db = useStorage(target);
  let storage: Storage;
  let ada: StoredUser;
  let bob: StoredUser;

  beforeEach(async () => {
    storage = db.storage;
    ada = await addUser(storage, 'ada');
    bob = await addUser(storage, 'bob');
  });

  async function allPages(userId: string, limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await storage.favorites.list(userId, { limit, cursor });
      ids.push(...page.items.map((item) => item.articleId));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    return { ids, pages };
  }

  describe("a user's favorites page", () => {
    it('lists newest saved first, ties broken by article id, and pages through everything once', async () => {
      const articles = await addArticles(
        storage,
        Array.from({ length: 23 }, (_, i) => article(`page-${i}`)),
      );
      // Favorite i saved at time i; two pairs share a timestamp.
      const savedAt = articles.map((_, i) => (i === 5 || i === 17 ? i - 1 : i));
      await storage.bulk.insertFavorites(
        articles.map((a, i) => ({ userId: ada.id, articleId: a.id, savedHlc: at(1_000 + savedAt[i]!) })),
      );

      const expected = articles
        .map((a, i) => ({ id: a.id, hlc: at(1_000 + savedAt[i]!) }))
        .sort((x, y) => (x.hlc === y.hlc ? (x.id < y.id ? 1 : -1) : x.hlc < y.hlc ? 1 : -1))
        .map((x) => x.id);

      const { ids, pages } = await allPages(ada.id, 5);
      expect(ids).toEqual(expected);
      expect(pages).toBe(5);
    });

    it('ends with nextCursor null when the last page is exactly full', async () => {
      const articles = await addArticles(storage, [article('a'), article('b')]);
      await storage.bulk.insertFavorites(articles.map((a, i) => ({ userId: ada.id, articleId: a.id, savedHlc: at(i + 1) })));
      expect((await storage.favorites.list(ada.id, { limit: 2 })).nextCursor).toBeNull();
    });

    it("never shows another user's favorites, nor removed ones", async () => {
      const [mine, theirs, removed] = await addArticles(storage, [article('mine'), article('theirs'), article('removed')]);
      await storage.bulk.insertFavorites([
        { userId: ada.id, articleId: mine!.id, savedHlc: at(1) },
        { userId: bob.id, articleId: theirs!.id, savedHlc: at(2) },
      ]);
      await storage.transaction(async (tx) => {
        await tx.favorites.writeRecord(
          ada.id,
          null,
          { articleId: removed!.id, saved: { value: false, hlc: at(3) }, note: { value: '', hlc: '' }, public: { value: false, hlc: '' }, tags: {} },
          1,
        );
      });

      const page = await storage.favorites.list(ada.id, { limit: 50 });
      expect(page.items.map((item) => item.articleId)).toEqual([mine!.id]);
      expect(await storage.favorites.get(ada.id, theirs!.id)).toBeNull();
    });

    it('filters by tag and returns each favorite with its tags and article summary', async () => {
      const [rust, go] = await addArticles(storage, [article('rust', { title: 'Fearless Rust' }), article('go')]);
      await storage.bulk.insertFavorites([
        { userId: ada.id, articleId: rust!.id, savedHlc: at(2), note: 'read twice', tags: ['lang', 'systems'] },
        { userId: ada.id, articleId: go!.id, savedHlc: at(1), tags: ['lang'] },
      ]);

      const page = await storage.favorites.list(ada.id, { limit: 50, tag: 'systems' });
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({
        articleId: rust!.id,
        note: 'read twice',
        tags: ['lang', 'systems'],
        collectionIds: [],
        article: { id: rust!.id, title: 'Fearless Rust' },
      });
      expect(page.items[0]!.article).not.toHaveProperty('body');
      expect((await storage.favorites.list(ada.id, { limit: 50, tag: 'lang' })).items).toHaveLength(2);
    });

    it('q matches the title, the excerpt, the note or a tag, every word required', async () => {
      const [byTitle, byExcerpt, byNote, byTag] = await addArticles(storage, [
        article('t', { title: 'Zebra crossings' }),
        article('e', { excerpt: 'About zebra herds' }),
        article('n'),
        article('g'),
      ]);
      await storage.bulk.insertFavorites([
        { userId: ada.id, articleId: byTitle!.id, savedHlc: at(4) },
        { userId: ada.id, articleId: byExcerpt!.id, savedHlc: at(3) },
        { userId: ada.id, articleId: byNote!.id, savedHlc: at(2), note: 'Saw a ZEBRA' },
        { userId: ada.id, articleId: byTag!.id, savedHlc: at(1), tags: ['zebras'] },
      ]);

      const ids = async (q: string) => (await storage.favorites.list(ada.id, { limit: 50, q })).items.map((item) => item.articleId);
      expect(await ids('zebra')).toEqual([byTitle!.id, byExcerpt!.id, byNote!.id, byTag!.id]);
      expect(await ids('zebra crossings')).toEqual([byTitle!.id]);
      expect(await ids('giraffe')).toEqual([]);
    });

    it('search also looks into the article body', async () => {
      const [deep, shallow] = await addArticles(storage, [
        article('deep', { body: '<p>The quokka is a small marsupial.</p>' }),
        article('shallow'),
      ]);
      await storage.bulk.insertFavorites([
        { userId: ada.id, articleId: deep!.id, savedHlc: at(2) },
        { userId: ada.id, articleId: shallow!.id, savedHlc: at(1) },
      ]);
      await storage.bulk.insertFavorites([{ userId: bob.id, articleId: deep!.id, savedHlc: at(3) }]);

      expect((await storage.favorites.list(ada.id, { limit: 50, q: 'quokka' })).items).toEqual([]);
      const found = await storage.favorites.search(ada.id, { q: 'quokka', limit: 50 });
      expect(found.items.map((item) => item.articleId)).toEqual([deep!.id]);
    });
  });
});
