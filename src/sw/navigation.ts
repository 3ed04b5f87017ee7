import { createHandlerBoundToURL } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

/** Navigations to these are the server's own (API, health checks), never the app shell. */
export const NAVIGATION_DENYLIST: RegExp[] = [/^\/api\//, /^\/healthz/, /^\/readyz/];

/**
 * Every app URL (`/articles/…`, `/favorites`, `/?q=…`) opens offline: navigations are
 * answered with the precached index.html and the client-side router takes it from there.
 */
export function installNavigationFallback(): void {
  registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: NAVIGATION_DENYLIST }));
}
