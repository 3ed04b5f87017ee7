import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
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

async function main(): Promise<void> {
  // Before anything awaits: the browser may offer installation as soon as the page loads.
  listenForInstallPrompt();
  await startMocks();
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
