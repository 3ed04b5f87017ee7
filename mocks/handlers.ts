/**
 * The mock backend: every route of the contract, served from memory by MSW. The same handlers
 * run in the browser (`npm run dev:mock`, see browser.ts) and in Node (tests, see node.ts).
 */
import type { HttpHandler } from 'msw';
import { articleHandlers } from './handlers/articles';
import { authHandlers } from './handlers/auth';
import { favoriteHandlers } from './handlers/favorites';
import { metaHandlers } from './handlers/meta';
import { syncHandlers } from './handlers/sync';
import { createMockState, DEMO_ACCOUNT, type MockState } from './state';

/** Handlers over their own state: each call is a fresh, empty backend with the seeded catalogue. */
export function createHandlers(state: MockState = createMockState()): HttpHandler[] {
  return [...authHandlers(state), ...articleHandlers(state), ...favoriteHandlers(state), ...syncHandlers(state), ...metaHandlers()];
}

/** The default backend (used by the `dev:mock` worker), with the demo account already there. */
export const handlers: HttpHandler[] = createHandlers(createMockState({ accounts: [DEMO_ACCOUNT] }));
