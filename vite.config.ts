import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';

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

/**
 * The web app manifest. Colours are base.css's light `--bg`, so the splash screen and title
 * bar match the app; index.html's <meta name="theme-color"> entries refine them per scheme.
 */
const APP_BACKGROUND = '#f7f5f2';

const webAppManifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Favorites',
  short_name: 'Favorites',
  description: 'Browse articles, save your favorites and read them anywhere, even offline.',
  lang: 'en',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  theme_color: APP_BACKGROUND,
  background_color: APP_BACKGROUND,
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/**
 * The app's own service worker (src/sw/sw.ts), built by vite-plugin-pwa with injectManifest.
 * In mock mode it is never built nor served: MSW's worker owns the scope there, and two
 * workers on one scope replace each other. In `npm run dev` it is off unless
 * VITE_PWA_DEV=true (the same variable tells src/app/pwa/registerWorker.ts to register it).
 */
function appServiceWorker(mock: boolean, enabledInDev: boolean): Plugin[] {
  return VitePWA({
    disable: mock,
    strategies: 'injectManifest',
    srcDir: 'src/sw',
    filename: 'sw.ts',
    // Registered by our own code with workbox-window, so updates can be offered, not forced.
    injectRegister: false,
    // The header's logo; the manifest icons are added by the plugin.
    includeAssets: ['favicon.svg'],
    manifest: webAppManifest,
    injectManifest: {
      // The plugin adds the manifest and its icons itself; listing them again duplicates entries.
      globPatterns: ['**/*.{js,css,html}'],
      // Vendor chunks with their source maps can pass the 2 MiB default; maps are not precached.
      maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    },
    devOptions: {
      enabled: enabledInDev && !mock,
      type: 'module',
      // Without it the dev worker fails to evaluate (createHandlerBoundToURL finds no entry).
      navigateFallback: 'index.html',
    },
  });
}

export default defineConfig(({ mode }) => {
  const mock = mode === 'mock';
  const swInDev = loadEnv(mode, process.cwd(), 'VITE_').VITE_PWA_DEV === 'true';
  return {
    plugins: [react(), ...(mock ? [mswWorkerScript()] : []), ...appServiceWorker(mock, swInDev)],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      rolldownOptions: {
        output: {
          // Libraries change less often than the app: separate chunks stay cached across releases.
          codeSplitting: {
            groups: [
              // Only the article reader needs it: its own chunk, loaded with that page.
              { name: 'dompurify', test: /node_modules[\\/]dompurify[\\/]/, priority: 30 },
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
