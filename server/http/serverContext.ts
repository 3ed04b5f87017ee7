/** What route modules need from the running server. */
import type { LoginThrottle } from '../auth/loginThrottle';
import type { Storage } from '../storage/types';
import type { ServerClock } from '../sync/serverClock';

export interface ServerContext {
  readonly storage: Storage;
  readonly clock: ServerClock;
  /** Wall clock in ms (injectable for tests). */
  readonly now: () => number;
  readonly loginThrottle: LoginThrottle;
}
