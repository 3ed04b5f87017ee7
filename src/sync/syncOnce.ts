/**
 * One sync pass (protocol.md, "Push" and "Versions and pull"):
 * 1. push the outbox in batches of PUSH_BATCH_MAX, ids ascending; each batch is acknowledged
 *    (entries dropped, rejected ones rolled back, the clock caught up) only after its response
 *    parsed, and the next batch goes only after that, so the queue advances strictly in order;
 * 2. pull until the server has nothing more, each page stored with its cursor in one local
 *    transaction (LocalStore.applyPull); the next page is requested while this one is stored.
 * The first failure ends the pass and is returned with what was done before it; everything not
 * acknowledged stays queued, so running the pass again is always safe.
 */
import { PUSH_BATCH_MAX, SYNC_SCHEMA_VERSION } from '../contract';
import { areConsecutive } from '../core/mutationBatch';
import type { LocalStore, OutboxEntry, RejectedWrite } from './LocalStore';
import type { SyncFailure } from './SyncFailure';
import type { Transport } from './transport';

export interface SyncOnceDeps {
  readonly store: LocalStore;
  readonly transport: Transport;
  /** Wall clock in ms, passed to the store's clock merges. */
  readonly now: () => number;
  /** Mutations per push; PUSH_BATCH_MAX unless a test wants smaller batches. */
  readonly batchMax?: number;
}

export interface SyncProgress {
  /** Outbox entries the server acknowledged (applied, no-op or rejected). */
  readonly pushed: number;
  readonly rejected: readonly RejectedWrite[];
  /** Changes received by pulls. */
  readonly pulled: number;
}

export type SyncOnceResult = ({ readonly ok: true } | { readonly ok: false; readonly failure: SyncFailure }) & SyncProgress;

/** Thrown when the local outbox breaks its own invariant; no server can fix that. */
export class OutboxCorruptError extends Error {
  readonly code = 'outbox_corrupt';
}

export async function syncOnce(deps: SyncOnceDeps): Promise<SyncOnceResult> {
  const { store, transport, now } = deps;
  const batchMax = Math.min(deps.batchMax ?? PUSH_BATCH_MAX, PUSH_BATCH_MAX);
  const { clientId } = await store.meta();
  let pushed = 0;
  let pulled = 0;
  const rejected: RejectedWrite[] = [];
  const failed = (failure: SyncFailure): SyncOnceResult => ({ ok: false, failure, pushed, rejected, pulled });

  // 1. Push until the outbox is empty.
  for (;;) {
    const batch = await store.pending(batchMax);
    if (batch.length === 0) break;
    assertGapless(batch);
    const result = await transport.push({ clientId, schemaVersion: SYNC_SCHEMA_VERSION, mutations: batch.map(toMutation) });
    if (!result.ok) return failed(result.failure);
    const { lastMutationId, results, serverHlc } = result.value;
    // The server processes a whole batch or none of it; an answer short of the batch's end would
    // send the same batch forever.
    if (lastMutationId < batch.at(-1)!.id) {
      return failed({ kind: 'bad_response', status: 200, message: `acknowledged up to ${lastMutationId}, short of the batch` });
    }
    rejected.push(...(await store.acknowledge(lastMutationId, results, serverHlc, now())));
    pushed += batch.length;
  }

  // 2. Pull until nothing more waits. The next page is asked for as soon as this one has parsed,
  // so the server and the network work on it while this device stores this one (an initial sync
  // is ten 1,000-change pages). Each page is still stored with its own cursor, in order; when a
  // page fails to store, the page fetched ahead is dropped and the next pass asks for it again.
  let { cursor } = await store.meta();
  let next = pull(transport, clientId, cursor);
  for (;;) {
    const result = await next;
    if (!result.ok) return failed(result.failure);
    const page = result.value;
    const moved = page.cursor !== cursor;
    if (page.hasMore && moved) next = pull(transport, clientId, page.cursor);
    await store.applyPull(page, now());
    pulled += page.changes.length;
    if (!page.hasMore) break;
    if (!moved) {
      return failed({ kind: 'bad_response', status: 200, message: 'more changes announced but the cursor did not move' });
    }
    cursor = page.cursor;
  }
  return { ok: true, pushed, rejected, pulled };
}

/** A pull request; a rejection is kept for whoever awaits it (none when the page fetched ahead is dropped). */
function pull(transport: Transport, clientId: string, cursor: string | null) {
  const request = transport.pull({ clientId, schemaVersion: SYNC_SCHEMA_VERSION, cursor });
  request.catch(() => undefined);
  return request;
}

function toMutation({ id, op, args, hlc }: OutboxEntry) {
  return { id, op, args, hlc };
}

function assertGapless(batch: readonly OutboxEntry[]): void {
  if (!areConsecutive(batch.map((entry) => entry.id))) {
    throw new OutboxCorruptError(`outbox ids are not consecutive: ${batch.map((entry) => entry.id).join(',')}`);
  }
}
