import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prefetchFirstPage } from './app/browse/firstPagePrefetch';
import { listenForInstallPrompt } from './app/pwa/installPrompt';
import { registerWorker } from './app/pwa/registerWorker';

/**
 * In mock mode (`npm run dev:mock`) MSW answers the API inside the browser; its worker must be
 * running before the first request, so it starts before the first render. The import is
 * dynamic and behind a build-time constant, so production bundles contain no mock code.
 */
async function startMocks(): Promise<void> {
  if (import.meta.env.MODE !== 'mock') return;
  const { worker } = await import('../mocks/browser');
  await worker.start({ onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
}

/**
 * How long the first render waits for Browse's first page, in ms. The page is normally there
 * already (index.html preloads it while the scripts download), and rendering with it puts
 * the rows in the first paint, one render and one frame sooner; on a slow network the app
 * renders without it after this long and the feed shows its spinner.
 */
const FIRST_PAGE_WAIT_MS = 100;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
  // Before anything awaits: the browser may offer installation as soon as the page loads.
  listenForInstallPrompt();
  await startMocks();
  const firstPage = prefetchFirstPage();
  await Promise.race([firstPage, delay(FIRST_PAGE_WAIT_MS)]);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  registerWorker();
}

void main();
