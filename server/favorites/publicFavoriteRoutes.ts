/**
 * `GET /api/v1/users/:username/favorites`: anyone (no session) reads the favorites a user
 * marked public. Only what the owner published leaves the server: the article, when it was
 * saved, the note and the tags (toPublicFavorite); an unknown user is a 404 like a missing page.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError, toPublicFavorite } from '../../src/contract';
import { registerRoute } from '../http/registerRoute';
import type { ServerContext } from '../http/serverContext';

export function registerPublicFavoriteRoutes(app: FastifyInstance, context: ServerContext): void {
  const { storage } = context;

  registerRoute(app, context, 'publicFavorites', async ({ params, query }) => {
    // Usernames are lower-case; `/@Ada` is Ada's page.
    const user = await storage.users.findByUsername(params.username.toLowerCase());
    if (!user) throw new ApiError('not_found', 'No user with that username');
    const page = await storage.favorites.listPublic(user.id, query);
    return { user: { username: user.username }, items: page.items.map(toPublicFavorite), nextCursor: page.nextCursor };
  });
}
