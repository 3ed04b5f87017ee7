/** The mock backend intercepting Node's fetch, for vitest. */
import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';
import type { MockState } from './state';

/** A mock server over its own state; call `listen()` before and `close()` after the tests. */
export function createMockServer(state?: MockState) {
  return setupServer(...createHandlers(state));
}
