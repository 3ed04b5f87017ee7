/** The Service Worker mock backend for `npm run dev:mock` (the app starts it before rendering). */
import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';

export const worker = setupWorker(...handlers);
