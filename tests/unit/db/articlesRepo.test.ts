import { afterEach, describe, expect, it } from 'vitest';
import { articlesRepo, type FavoritesDb } from '../../../src/db';
import { fullArticle, isolatedDb, summary } from './fixtures';

describe('articles repository', () => {
  let db: FavoritesDb;
  afterEach(async () => {
    await db.delete();
  });

  it('stores a full article so it can be read again without the network', async () => {
    db = isolatedDb();
    const repo = articlesRepo(db);
    const article = fullArticle('offline');

    await repo.putFull(article);

    expect(await repo.get(article.id)).toMatchObject({ title: 'Title of offline', body: '<p>Body of offline</p>' });
  });

  it('updates a summary without dropping the body stored earlier', async () => {
    db = isolatedDb();
    const repo = articlesRepo(db);
    const article = fullArticle('edited');
    await repo.putFull(article);

    await repo.putSummary({ ...summary('edited'), title: 'A better title' });

    expect(await repo.get(article.id)).toMatchObject({ title: 'A better title', body: '<p>Body of edited</p>' });
  });

  it('answers undefined for an article never stored', async () => {
    db = isolatedDb();
    expect(await articlesRepo(db).get(summary('unknown').id)).toBeUndefined();
  });
});
