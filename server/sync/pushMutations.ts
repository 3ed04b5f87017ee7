/**
 * `POST /sync/push` (protocol.md, "Push"): apply a batch of one client's mutations exactly once.
 * The steps, after Replicache's todo-row-versioning:
 * 1. the ids of the batch ascend by one (else 400: the client's outbox is corrupt);
 * then in ONE transaction, so a failure anywhere leaves nothing half-applied:
 * 2. load the client, or register it to this user; a client of another user is 403;
 * 3. skip ids <= lastMutationId (already processed: `noop`); a first new id beyond
 *    lastMutationId + 1 is 409 with `details.lastMutationId`, and nothing is applied;
 * 4. for each new mutation: reject it when it is malformed, stamped with another client's id or
 *    its article is unknown (`rejected` with a reason, still processed);
 *    else clamp its HLC to the physical clock, merge it into the server clock and apply it
 *    through the REST write path (LWW per register; the space version bumps once per batch);
 * 5. advance lastMutationId to the last id of the batch.
 * The caller turns an unexpected failure (database error) into 503: the transaction rolled back.
 */
import {
  ApiError,
  checkMutation,
  HLC_MAX_AHEAD_MS,
  type Mutation,
  type MutationResult,
  type PushRequest,
  type PushResponse,
} from '../../src/contract';
import { clampHlc } from '../../src/core/clampHlc';
import { areConsecutive, splitBatch } from '../../src/core/mutationBatch';
import type { PullLagObserver } from '../metrics/syncMetrics';
import type { RealtimeNotifier } from '../realtime/realtimeNotifier';
import type { Repositories, Storage } from '../storage/types';
import { applyFavoriteWriteIn } from './applyFavoriteWrite';
import type { ServerClock } from './serverClock';
import { syncClientOf } from './syncClientOf';
import { TransactionVersions } from './transactionVersions';

export interface SyncDeps {
  readonly storage: Storage;
  readonly clock: ServerClock;
  /** Physical clock in ms (the clamp bound); injectable for tests. */
  readonly now: () => number;
  /** Pull lag is observed when `metrics.sync.pullLag` is set (metrics on). */
  readonly metrics?: { readonly sync: { readonly pullLag: PullLagObserver | undefined } };
  /** Told each space version a push bumped, after the commit (pokes to devices); absent in unit tests. */
  readonly realtime?: Pick<RealtimeNotifier, 'committed'>;
}

export async function pushMutations(deps: SyncDeps, userId: string, request: PushRequest): Promise<PushResponse> {
  // 1. A batch with holes or out of order cannot be applied in order.
  if (!areConsecutive(request.mutations.map((m) => m.id))) {
    throw new ApiError('validation_failed', 'Mutation ids must be consecutive and ascending', {
      fields: { mutations: 'ids must ascend by one' },
    });
  }
  const { bumped, ...results } = await deps.storage.transaction((tx) => pushInTransaction(deps, tx, userId, request));
  // After the commit, never inside it: a device pulling on the poke must find the rows.
  for (const [space, version] of bumped) deps.realtime?.committed(space, version);
  return { ...results, serverHlc: deps.clock.current() };
}

async function pushInTransaction(
  deps: SyncDeps,
  tx: Repositories,
  userId: string,
  request: PushRequest,
): Promise<Omit<PushResponse, 'serverHlc'> & { bumped: ReadonlyMap<string, number> }> {
  const nowMs = deps.now();
  // 2. Whose client is it?
  const client =
    (await syncClientOf(tx, request.clientId, userId)) ?? (await tx.syncClients.create(request.clientId, userId, nowMs));

  // 3. Exactly once: duplicates are acknowledged, a gap means mutations went missing.
  const split = splitBatch(request.mutations, client.lastMutationId);
  if (split.kind === 'gap') {
    throw new ApiError('conflict', 'Mutations are missing before this batch: push from lastMutationId + 1', {
      lastMutationId: client.lastMutationId,
    });
  }
  const results: MutationResult[] = split.duplicates.map((m) => ({ id: m.id, status: 'noop' }));

  // 4. Apply the new ones in order.
  const checked = split.fresh.map((envelope) => ({ id: envelope.id, check: checkMutation(envelope, request.clientId) }));
  const valid = checked.flatMap(({ check }) => (check.ok ? [check.mutation] : []));
  const known = await tx.articles.existingIds(valid.map((m) => m.args.articleId));
  const versions = new TransactionVersions(tx.spaces);
  let previous: string | null = null;
  for (const { id, check } of checked) {
    if (!check.ok) {
      results.push({ id, status: 'rejected', reason: check.reason });
      continue;
    }
    const mutation = check.mutation;
    if (!known.has(mutation.args.articleId)) {
      results.push({ id: mutation.id, status: 'rejected', reason: 'unknown_article' });
      continue;
    }
    const hlc = clampHlc(mutation.hlc, nowMs, HLC_MAX_AHEAD_MS, previous);
    previous = hlc;
    deps.clock.receive(hlc);
    const { changed } = await applyFavoriteWriteIn(tx, versions, favoriteWrite(userId, mutation, hlc));
    results.push({ id: mutation.id, status: changed ? 'applied' : 'noop' });
  }

  // 5. Everything up to the batch's last id is processed.
  const lastMutationId = split.fresh.at(-1)?.id ?? client.lastMutationId;
  await tx.syncClients.advance(request.clientId, lastMutationId, nowMs);
  return { lastMutationId, results, bumped: versions.bumped() };
}

/** `favorite.set.v1`: set the registers given, as they are (no REST save/remove semantics). */
function favoriteWrite(userId: string, mutation: Mutation, hlc: string) {
  const { articleId, ...patch } = mutation.args;
  return { userId, articleId, patch, hlc };
}
