import { afterEach, describe, expect, it } from 'vitest';
import { articlesRepo, createSyncStore, syncFavoritesRepo, type FavoritesDb } from '../../../src/db';
import { fullArticle, isolatedDb, storedCount, summary } from './fixtures';
import { change, pullPage, remoteHlc } from './syncFixtures';

let db: FavoritesDb;
afterEach(async () => {
  await db.delete();
});

const T0_MS = Date.parse('2024-06-01T09:00:00.000Z');
/** Large pages (an initial sync's are 1,000 changes) take applyPull's key-scan path. */
const LARGE_PAGE = 250;

const slugs = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);

describe('applying a large pull page', () => {
  it('stores every favorite of a fresh device with its article and the cursor', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    const page = slugs(LARGE_PAGE, 'fresh').map((slug) => change(slug, remoteHlc(T0_MS)));

    await store.applyPull(pullPage(page, 'after-large-page'), T0_MS);

    expect(await syncFavoritesRepo(db).count()).toBe(LARGE_PAGE);
    expect(await storedCount(db)).toBe(LARGE_PAGE);
    expect((await store.meta()).cursor).toBe('after-large-page');
  });

  it('merges into the favorites already stored, keeps pending writes on top and article bodies fetched before', async () => {
    db = isolatedDb();
    const store = createSyncStore(db);
    // Already on the device: a favorite from an earlier pull, one saved locally and still
    // pending, and the full text of a third article the user opened.
    await store.applyPull(pullPage([change('pulled-before', remoteHlc(T0_MS + 5), { note: { value: 'newer', hlc: remoteHlc(T0_MS + 5) } })]), T0_MS);
    await store.writeFavorite(summary('pending'), { saved: true, note: 'mine' }, T0_MS + 10);
    await articlesRepo(db).putFull(fullArticle('opened'));

    const page = [
      ...slugs(LARGE_PAGE, 'other').map((slug) => change(slug, remoteHlc(T0_MS))),
      // A copy older than the one stored (pages may arrive twice, or late) changes nothing.
      change('pulled-before', remoteHlc(T0_MS), { note: { value: 'older', hlc: remoteHlc(T0_MS) } }),
      // An older note from another device loses to the pending local one.
      change('pending', remoteHlc(T0_MS + 1), { note: { value: 'theirs', hlc: remoteHlc(T0_MS + 1) } }),
      change('opened', remoteHlc(T0_MS + 2)),
    ];
    await store.applyPull(pullPage(page, 'after-large-page'), T0_MS + 20);

    const repo = syncFavoritesRepo(db);
    expect(await repo.count()).toBe(LARGE_PAGE + 3);
    expect((await repo.get(summary('pulled-before').id))?.note).toBe('newer');
    expect((await repo.get(summary('pending').id))?.note).toBe('mine');
    expect((await store.pending(10)).map((entry) => entry.args.articleId)).toEqual([summary('pending').id]);
    expect((await articlesRepo(db).get(summary('opened').id))?.body).toBe(fullArticle('opened').body);
  });
});
