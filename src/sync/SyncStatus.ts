import type { RejectedWrite } from './LocalStore';
import type { SyncFailure } from './SyncFailure';

/** A failure on the device itself (IndexedDB refused a transaction, a corrupt outbox). */
export interface LocalSyncError {
  readonly kind: 'local';
  readonly message: string;
}

export type SyncError = SyncFailure | LocalSyncError;

/**
 * What the UI shows about sync at all times (protocol.md, "Client outbox").
 * - synced: nothing pending, the last pass succeeded;
 * - pending: writes wait for the next pass;
 * - syncing: a pass is running;
 * - offline: the last pass found no network; a retry is scheduled;
 * - paused: the server said 401; writes keep queuing until the user signs in again (resume);
 * - error: see lastError (a transient server or response failure is retried; others wait).
 */
export interface SyncStatus {
  readonly state: 'synced' | 'pending' | 'syncing' | 'offline' | 'paused' | 'error';
  /** Outbox entries not yet acknowledged by the server. */
  readonly pending: number;
  readonly lastError?: SyncError;
  /** Writes the server refused and the device rolled back, until the UI dismisses them. */
  readonly rejected: readonly RejectedWrite[];
}
