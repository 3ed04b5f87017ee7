/** What route modules need from the running server. */
import type { CachedTokenStore } from '../auth/cachedTokenStore';
import type { LoginThrottle } from '../auth/loginThrottle';
import type { Metrics } from '../metrics/metrics';
import type { RealtimeNotifier } from '../realtime/realtimeNotifier';
import type { Storage } from '../storage/types';
import type { ServerClock } from '../sync/serverClock';

export interface ServerContext {
  readonly storage: Storage;
  /**
   * The token store authentication reads: `storage.tokens` with recently found tokens kept for
   * a few seconds (auth/cachedTokenStore.ts). Anything that must see the database's truth (the
   * realtime hub's session revalidation) reads `storage.tokens`.
   */
  readonly authTokens: CachedTokenStore;
  readonly clock: ServerClock;
  /** Wall clock in ms (injectable for tests). */
  readonly now: () => number;
  readonly loginThrottle: LoginThrottle;
  /** Counters for sync and realtime code to report to (no-ops when /metrics is off). */
  readonly metrics: Metrics;
  /** Writers call it after they commit: pokes to devices on every instance (server/realtime). */
  readonly realtime: RealtimeNotifier;
}
