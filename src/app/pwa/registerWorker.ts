import { Workbox } from 'workbox-window';
import { updateOffer } from './updateOffer';

/**
 * Where the worker is served: the build's /sw.js, or vite-plugin-pwa's dev worker (an ES
 * module) under `VITE_PWA_DEV=true npm run dev`.
 */
const WORKER = import.meta.env.DEV
  ? { url: '/dev-sw.js?dev-sw', type: 'module' as const }
  : { url: '/sw.js', type: 'classic' as const };

/**
 * The app's worker runs in production builds, and in development only when asked for. Never
 * in mock mode: MSW's worker owns the scope there, and two workers on one scope evict each other.
 */
export function shouldRegisterWorker(): boolean {
  if (!('serviceWorker' in navigator)) return false;
  if (import.meta.env.MODE === 'mock') return false;
  return import.meta.env.PROD || import.meta.env.VITE_PWA_DEV === 'true';
}

/**
 * Registers the worker. When a new version is waiting, offers it (see UpdatePrompt) rather
 * than switching under the user's feet; accepting it tells the waiting worker to take over
 * and reloads once it controls the page. An update never deletes IndexedDB (the worker only
 * syncs the user's database, with the page's own code), so the outbox survives it.
 */
export function registerWorker(): void {
  if (!shouldRegisterWorker()) return;
  const workbox = new Workbox(WORKER.url, { scope: '/', type: WORKER.type });
  workbox.addEventListener('waiting', () => {
    updateOffer.set(() => {
      updateOffer.set(null);
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
      workbox.messageSkipWaiting();
    });
  });
  workbox.register().catch((error: unknown) => {
    // The app works without the worker, only not offline: report, do not break the page.
    console.warn('Service worker registration failed', error);
  });
}
