/**
 * What the page and the service worker say to each other about the outbox (protocol.md,
 * "Client outbox"). Plain data and type guards only: both the page and the worker import it.
 */
import type { SyncOnceResult } from '../sync';

/** The Background Sync tag the page registers after a local write; the worker's `sync` event flushes. */
export const OUTBOX_SYNC_TAG = 'favorites-outbox';

/** Page → worker, with a MessagePort to answer on: run one sync pass on `userId`'s database. */
export interface FlushRequest {
  readonly type: 'flush';
  readonly userId: string;
}

/**
 * Worker → page, on the request's port: the pass's result (structured-cloned as is), or the
 * message of an error the worker's own database threw, which the page's engine reports as local.
 */
export type FlushReply = { readonly type: 'flushed'; readonly result: SyncOnceResult } | { readonly type: 'flush-failed'; readonly message: string };

export function flushRequest(userId: string): FlushRequest {
  return { type: 'flush', userId };
}

export function isFlushRequest(data: unknown): data is FlushRequest {
  if (typeof data !== 'object' || data === null) return false;
  const { type, userId } = data as { type?: unknown; userId?: unknown };
  return type === 'flush' && typeof userId === 'string' && userId.length > 0;
}

export function isFlushReply(data: unknown): data is FlushReply {
  if (typeof data !== 'object' || data === null) return false;
  const { type } = data as { type?: unknown };
  return type === 'flushed' || type === 'flush-failed';
}
