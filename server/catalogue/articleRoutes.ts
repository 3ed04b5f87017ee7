/** The catalogue: browse, read, and find-or-create by URL. */
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../src/contract';
import { InvalidUrlError } from '../../src/core/canonicalUrl';
import { registerRoute } from '../http/registerRoute';
import type { ServerContext } from '../http/serverContext';
import { articleForUrl } from './articleForUrl';

export function registerArticleRoutes(app: FastifyInstance, context: ServerContext): void {
  const { storage, now } = context;

  registerRoute(app, context, 'listArticles', async ({ query }) => storage.articles.list(query));

  registerRoute(app, context, 'getArticle', async ({ params }) => {
    const article = await storage.articles.get(params.id);
    if (!article) throw new ApiError('not_found', 'No article with that id');
    return { article };
  });

  registerRoute(app, context, 'createArticle', async ({ body }) => {
    let candidate;
    try {
      candidate = articleForUrl(body.url, body.title, now());
    } catch (error) {
      if (error instanceof InvalidUrlError) {
        throw new ApiError('validation_failed', 'Invalid request body', { fields: { url: error.message } });
      }
      throw error;
    }
    // Insert-if-absent then read: two clients saving one link at once get the same article.
    await storage.articles.insertMany([candidate], now());
    const article = await storage.articles.get(candidate.id);
    if (!article) throw new Error(`article ${candidate.id} vanished after insert`);
    return { article };
  });
}
