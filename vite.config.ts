import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Where the dev server forwards API and health requests (the Fastify server by default). */
const API_TARGET = process.env.API_TARGET ?? 'http://127.0.0.1:8080';
const PROXIED_PATHS = ['/api', '/healthz', '/readyz'];

/**
 * Serves MSW's worker script at /mockServiceWorker.js in mock mode only. It is deliberately
 * not in public/, so it can never be copied into a production build.
 */
function mswWorkerScript(): Plugin {
  const file = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));
  return {
    name: 'favorites:msw-worker-script',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        // The worker may control the whole origin although it is served from the root.
        res.setHeader('Service-Worker-Allowed', '/');
        res.setHeader('Cache-Control', 'no-store');
        createReadStream(file).pipe(res);
      });
    },
  };
}

export default defineConfig(({ mode }) => {
  const mock = mode === 'mock';
  return {
    plugins: [react(), ...(mock ? [mswWorkerScript()] : [])],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      rolldownOptions: {
        output: {
          // Libraries change less often than the app: separate chunks stay cached across releases.
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 20 },
              { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
            ],
          },
        },
      },
    },
    server: {
      // In mock mode MSW answers in the browser; nothing is forwarded to a server.
      proxy: mock
        ? undefined
        : Object.fromEntries(PROXIED_PATHS.map((path) => [path, { target: API_TARGET, ws: path === '/api' }])),
    },
    preview: {
      proxy: Object.fromEntries(PROXIED_PATHS.map((path) => [path, { target: API_TARGET }])),
    },
  };
});
