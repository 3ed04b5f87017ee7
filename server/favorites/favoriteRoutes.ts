/**
 * The caller's favorites over REST. Writes go through applyFavoriteWrite with a
 * server-stamped HLC: the same LWW path the sync push will use. Every query is scoped to
 * the authenticated user; no route reads another user's favorites.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError, FavoritePage } from '../../src/contract';
import { favoriteFields, lastChangedHlc, removePatch, savePatch, type FavoriteRecord } from '../../src/core/favoriteRecord';
import { articleListJson } from '../http/articleListJson';
import { favoriteFieldsJson } from '../http/itemFieldsJson';
import { registerRoute } from '../http/registerRoute';
import type { ServerContext } from '../http/serverContext';
import { applyFavoriteWrite, type FavoriteWriteResult } from '../sync/applyFavoriteWrite';

/** The two hottest reads write their article summaries once (articleListJson). */
const favoritePageJson = articleListJson(FavoritePage, 'items', favoriteFieldsJson);

export function registerFavoriteRoutes(app: FastifyInstance, context: ServerContext): void {
  const { storage, clock } = context;
  // Each process has its own clock: stamp after the stored record, whichever process saw it last.
  const stampAfterStored = (stored: FavoriteRecord | null) => clock.stampAfter(stored && lastChangedHlc(stored));
  // After the commit: the user's other devices pull on the poke; public page watchers reload.
  const poke = ({ changedSpaces }: FavoriteWriteResult) => {
    for (const [space, version] of changedSpaces) context.realtime.committed(space, version);
  };

  registerRoute(app, context, 'listFavorites', async ({ auth, query }) => {
    // No favorite is in a collection until collections exist (a later phase).
    if (query.collection !== undefined) return { items: [], nextCursor: null };
    return favoritePageJson(await storage.favorites.list(auth.user.id, query));
  });

  registerRoute(app, context, 'searchFavorites', async ({ auth, query }) => favoritePageJson(await storage.favorites.search(auth.user.id, query)));

  registerRoute(app, context, 'saveFavorite', async ({ auth, params, body }) => {
    const article = await storage.articles.get(params.articleId);
    if (!article) throw new ApiError('not_found', 'No article with that id');
    const written = await applyFavoriteWrite(storage, {
      userId: auth.user.id,
      articleId: params.articleId,
      patch: (stored) => savePatch(stored, body),
      hlc: stampAfterStored,
    });
    poke(written);
    const { record } = written;
    const { body: _body, ...summary } = article;
    return { favorite: { ...favoriteFields(record), collectionIds: [], article: summary } };
  });

  registerRoute(app, context, 'removeFavorite', async ({ auth, params }) => {
    const written = await applyFavoriteWrite(storage, {
      userId: auth.user.id,
      articleId: params.articleId,
      // Removing what is not saved changes nothing (no new version for pullers to fetch).
      patch: (stored) => (stored?.saved.value ? removePatch(stored) : {}),
      hlc: stampAfterStored,
    });
    poke(written);
  });
}
