import { afterEach, describe, expect, it } from 'vitest';
import { articlesRepo, favoritesRepo, type FavoritesDb } from '../../../src/db';
import { favorite, fullArticle, isolatedDb } from './fixtures';

describe('favorites repository', () => {
  let db: FavoritesDb;
  afterEach(async () => {
    await db.delete();
  });

  it('lists favorites most recently saved first', async () => {
    db = isolatedDb();
    const repo = favoritesRepo(db);
    await repo.put(favorite('middle', '2024-06-02T09:00:00.000Z'));
    await repo.put(favorite('oldest', '2024-06-01T09:00:00.000Z'));
    await repo.put(favorite('newest', '2024-06-03T09:00:00.000Z'));

    const titles = (await repo.list()).map((f) => f.article.title);

    expect(titles).toEqual(['Title of newest', 'Title of middle', 'Title of oldest']);
  });

  it('orders by instant even when the API sends timestamps with different offsets', async () => {
    db = isolatedDb();
    const repo = favoritesRepo(db);
    // 10:30+02:00 is 08:30Z: earlier than 09:00Z although it sorts later as text.
    await repo.put(favorite('earlier', '2024-06-01T10:30:00.000+02:00'));
    await repo.put(favorite('later', '2024-06-01T09:00:00.000Z'));

    expect((await repo.list()).map((f) => f.article.title)).toEqual(['Title of later', 'Title of earlier']);
  });

  it('gets, overwrites and deletes one favorite by article id', async () => {
    db = isolatedDb();
    const repo = favoritesRepo(db);
    const saved = favorite('one', '2024-06-01T09:00:00.000Z');
    await repo.put(saved);
    await repo.put({ ...saved, note: 'read later' });

    expect((await repo.get(saved.articleId))?.note).toBe('read later');
    expect(await repo.savedIds()).toEqual(new Set([saved.articleId]));

    await repo.delete(saved.articleId);
    expect(await repo.get(saved.articleId)).toBeUndefined();
    await expect(repo.delete(saved.articleId)).resolves.toBeUndefined();
  });

  it('replaceAll makes the local favorites exactly the server list', async () => {
    db = isolatedDb();
    const repo = favoritesRepo(db);
    await repo.put(favorite('removed-elsewhere', '2024-06-01T09:00:00.000Z'));
    await repo.put(favorite('kept', '2024-06-02T09:00:00.000Z'));

    await repo.replaceAll([
      favorite('kept', '2024-06-02T09:00:00.000Z'),
      favorite('saved-elsewhere', '2024-06-03T09:00:00.000Z'),
    ]);

    expect((await repo.list()).map((f) => f.article.title)).toEqual(['Title of saved-elsewhere', 'Title of kept']);
  });

  it('keeps the summary of every saved article, without losing a body fetched before', async () => {
    db = isolatedDb();
    const articles = articlesRepo(db);
    await articles.putFull(fullArticle('opened'));

    await favoritesRepo(db).replaceAll([
      favorite('opened', '2024-06-01T09:00:00.000Z'),
      favorite('never-opened', '2024-06-02T09:00:00.000Z'),
    ]);

    const opened = await articles.get(fullArticle('opened').id);
    expect(opened?.body).toBe('<p>Body of opened</p>');
    expect((await articles.get(favorite('never-opened', '2024-06-02T09:00:00.000Z').articleId))?.title).toBe(
      'Title of never-opened',
    );
  });
});
