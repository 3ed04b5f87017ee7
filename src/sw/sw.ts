/**
 * The app's service worker: a thin entry that composes one module per concern. Order matters
 * for routing only: Workbox tries routes in registration order, so the precache goes first,
 * then navigations, then the runtime caches (whose last route keeps every other /api/ request
 * on the network).
 * The outbox flush (page messages and Background Sync's `sync` event) adds no route.
 */
import type { PrecacheEntry } from 'workbox-precaching';
import { installLifecycle } from './lifecycle';
import { installNavigationFallback } from './navigation';
import { installOutboxFlush } from './outboxFlush';
import { installPrecache } from './precache';
import { installRuntimeCaching } from './runtimeCaching';

// Replaced at build time by the list of files to precache (the literal `self.__WB_MANIFEST`).
declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

installLifecycle();
installPrecache(self.__WB_MANIFEST);
installNavigationFallback();
installRuntimeCaching();
installOutboxFlush();
