/**
 * Serves the built PWA. Hashed files under /assets/ never change, so browsers keep them a
 * year; everything else (index.html, the service worker, the manifest) is revalidated on
 * every load so a deploy reaches users at once.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export async function registerStaticSite(app: FastifyInstance, staticDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: staticDir,
    wildcard: true,
    // We set Cache-Control ourselves; the plugin's default would be max-age=0.
    cacheControl: false,
    setHeaders(res, filePath) {
      const normalized = filePath.replace(/\\/g, '/');
      res.setHeader('cache-control', normalized.includes('/assets/') ? IMMUTABLE : REVALIDATE);
    },
  });
}
