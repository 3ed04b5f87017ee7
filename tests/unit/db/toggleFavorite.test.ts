import { afterEach, describe, expect, it } from 'vitest';
import { NetworkError } from '../../../src/api';
import { createToggleFavorite } from '../../../src/app/favorites/createToggleFavorite';
import { ApiError, type Favorite } from '../../../src/contract';
import { favoritesRepo, type FavoritesDb } from '../../../src/db';
import { favorite, isolatedDb, summary } from './fixtures';

/** A promise the test settles by hand, to hold a request "in flight". */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** An API whose calls wait until the test answers them, in order. */
function scriptedApi() {
  const calls: { kind: 'save' | 'remove'; articleId: string; answer: ReturnType<typeof deferred<unknown>> }[] = [];
  const record = (kind: 'save' | 'remove', articleId: string) => {
    const answer = deferred<unknown>();
    calls.push({ kind, articleId, answer });
    return answer.promise;
  };
  return {
    calls,
    api: {
      saveFavorite: (articleId: string) => record('save', articleId) as Promise<Favorite>,
      removeFavorite: (articleId: string) => record('remove', articleId) as Promise<void>,
    },
    /** Wait until the action under test has issued its nth request. */
    async nthCall(n: number) {
      await expect.poll(() => calls.length).toBeGreaterThanOrEqual(n);
      return calls[n - 1]!;
    },
  };
}

const NOW = new Date('2024-07-01T12:00:00.000Z');

describe('toggling a favorite optimistically', () => {
  let db: FavoritesDb;
  afterEach(async () => {
    await db.delete();
  });

  it('writes the local favorite before the server answers, then keeps the server copy', async () => {
    db = isolatedDb();
    const repo = favoritesRepo(db);
    const server = scriptedApi();
    const toggle = createToggleFavorite({ repo, api: server.api, now: () => NOW });
    const article = summary('optimistic');

    const done = toggle(article, true);
    const call = await server.nthCall(1);
    expect(call).toMatchObject({ kind: 'save', articleId: article.id });
    expect(await repo.get(article.id)).toMatchObject({ savedAt: NOW.toISOString(), article: { title: article.title } });

    const fromServer = { ...favorite('optimistic', '2024-07-01T12:00:01.000Z'), note: 'from the server' };
    call.answer.resolve(fromServer);

    await expect(done).resolves.toEqual({ ok: true });
    expect(await repo.get(article.id)).toMatchObject({ note: 'from the server', savedAt: fromServer.savedAt });
  });

  it('rolls a failed save back and says what failed', async () => {
    db = isolatedDb();
    const repo = favoritesRepo(db);
    const server = scriptedApi();
    const toggle = createToggleFavorite({ repo, api: server.api });
    const article = summary('refused');

    const done = toggle(article, true);
    (await server.nthCall(1)).answer.reject(new ApiError('internal', 'boom'));

    const result = await done;
    expect(result).toMatchObject({ ok: false, message: `Couldn't save “${article.title}”: the server ran into a problem` });
    expect(await repo.get(article.id)).toBeUndefined();
  });

  it('restores a favorite whose removal failed, note and all', async () => {
    db = isolatedDb();
    const repo = favoritesRepo(db);
    const kept = { ...favorite('kept', '2024-06-01T09:00:00.000Z'), note: 'my note', tags: ['keep'] };
    await repo.put(kept);
    const server = scriptedApi();
    const toggle = createToggleFavorite({ repo, api: server.api });

    const done = toggle(kept.article, false);
    const call = await server.nthCall(1);
    expect(await repo.get(kept.articleId)).toBeUndefined();
    call.answer.reject(new NetworkError());

    const result = await done;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Couldn't remove “Title of kept”: /);
    expect(await repo.get(kept.articleId)).toEqual(kept);
  });

  it('sends quick clicks in order and ends in the state of the last click', async () => {
    db = isolatedDb();
    const repo = favoritesRepo(db);
    const server = scriptedApi();
    const toggle = createToggleFavorite({ repo, api: server.api });
    const article = summary('double-click');

    const save = toggle(article, true);
    const remove = toggle(article, false);
    const first = await server.nthCall(1);
    // The removal waits for the save to be answered, so the server sees them in click order.
    expect(server.calls).toHaveLength(1);
    first.answer.resolve(favorite('double-click', '2024-07-01T12:00:00.000Z'));
    (await server.nthCall(2)).answer.resolve(undefined);

    await expect(save).resolves.toEqual({ ok: true });
    await expect(remove).resolves.toEqual({ ok: true });
    expect(server.calls.map((c) => c.kind)).toEqual(['save', 'remove']);
    // The save's late answer did not resurrect the favorite the last click removed.
    expect(await repo.get(article.id)).toBeUndefined();
  });

  it('rolls back to the last state the server confirmed when the last of several clicks fails', async () => {
    db = isolatedDb();
    const repo = favoritesRepo(db);
    const server = scriptedApi();
    const toggle = createToggleFavorite({ repo, api: server.api });
    const article = summary('flaky');

    const save = toggle(article, true);
    const remove = toggle(article, false);
    (await server.nthCall(1)).answer.reject(new NetworkError());
    (await server.nthCall(2)).answer.reject(new NetworkError());

    expect((await save).ok).toBe(false);
    expect((await remove).ok).toBe(false);
    // Neither request reached the server: it still has no favorite, and neither do we.
    expect(await repo.get(article.id)).toBeUndefined();
  });
});
