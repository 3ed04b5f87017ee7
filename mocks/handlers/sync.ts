/**
 * Sync push and pull in memory, with the server's semantics (server/sync/pushMutations.ts,
 * pullChanges.ts): the same statuses, error bodies, clamping and batch rules, the last two from
 * src/core. Everything runs synchronously once the request is parsed, so a batch is atomic: it
 * is checked in full before anything is written.
 */
import type { HttpHandler } from 'msw';
import { ApiError } from '../../src/contract/errors';
import { routes } from '../../src/contract/routes';
import {
  assertSyncSchemaVersion,
  checkMutation,
  toFavoriteChange,
  decodeSyncCursor,
  encodeSyncCursor,
  HLC_MAX_AHEAD_MS,
  PULL_PAGE_MAX,
  type FavoriteChange,
  type MutationResult,
} from '../../src/contract/sync';
import { clampHlc } from '../../src/core/clampHlc';
import { currentHlc, recv } from '../../src/core/hlc';
import { areConsecutive, splitBatch } from '../../src/core/mutationBatch';
import { favoritesOf, favoriteVersionsOf, MockWriteBatch, userSpaceId } from '../favoriteWrites';
import { route } from '../http/route';
import type { MockState, MockSyncClient } from '../state';
import { articleSummary } from '../views';

const options = { beforeParse: assertSyncSchemaVersion };

/** The client when it is this user's; null when never seen; 403 when another user's. */
function syncClientOf(state: MockState, clientId: string, userId: string): MockSyncClient | null {
  const client = state.syncClients.get(clientId);
  if (client && client.userId !== userId) throw new ApiError('forbidden', 'This sync client belongs to another account');
  return client ?? null;
}

/** A user's changes after (version, articleId), in that order. */
function changesAfter(state: MockState, userId: string, [version, articleId]: readonly [number, string]) {
  const versions = favoriteVersionsOf(state, userId);
  const records = favoritesOf(state, userId);
  return [...versions]
    .filter(([id, v]) => v > version || (v === version && id > articleId))
    .sort(([idA, a], [idB, b]) => a - b || (idA < idB ? -1 : idA > idB ? 1 : 0))
    .map(([id, v]) => ({ record: records.get(id)!, version: v }));
}

export function syncHandlers(state: MockState): HttpHandler[] {
  return [
    route(
      state,
      routes.syncPush,
      ({ body, caller }) => {
        const userId = caller.user.id;
        if (!areConsecutive(body.mutations.map((m) => m.id))) {
          throw new ApiError('validation_failed', 'Mutation ids must be consecutive and ascending', {
            fields: { mutations: 'ids must ascend by one' },
          });
        }
        const existing = syncClientOf(state, body.clientId, userId);
        const lastBefore = existing?.lastMutationId ?? 0;
        const split = splitBatch(body.mutations, lastBefore);
        if (split.kind === 'gap') {
          throw new ApiError('conflict', 'Mutations are missing before this batch: push from lastMutationId + 1', {
            lastMutationId: lastBefore,
          });
        }
        const client = existing ?? { userId, lastMutationId: 0 };
        state.syncClients.set(body.clientId, client);
        const results: MutationResult[] = split.duplicates.map((m) => ({ id: m.id, status: 'noop' }));
        const batch = new MockWriteBatch(state);
        const nowMs = state.now();
        let previous: string | null = null;
        for (const envelope of split.fresh) {
          const check = checkMutation(envelope, body.clientId);
          if (!check.ok) {
            results.push({ id: envelope.id, status: 'rejected', reason: check.reason });
            continue;
          }
          const { id, args, hlc } = check.mutation;
          const { articleId, ...patch } = args;
          if (!state.articles.has(articleId)) {
            results.push({ id, status: 'rejected', reason: 'unknown_article' });
            continue;
          }
          const effective = clampHlc(hlc, nowMs, HLC_MAX_AHEAD_MS, previous);
          previous = effective;
          state.clock = recv(state.clock, effective, nowMs);
          const { changed } = batch.write(userId, articleId, patch, effective);
          results.push({ id, status: changed ? 'applied' : 'noop' });
        }
        client.lastMutationId = split.fresh.at(-1)?.id ?? client.lastMutationId;
        return { lastMutationId: client.lastMutationId, results, serverHlc: currentHlc(state.clock) };
      },
      options,
    ),

    route(
      state,
      routes.syncPull,
      ({ body, caller }) => {
        const userId = caller.user.id;
        const cursor = decodeSyncCursor(body.cursor);
        const client = syncClientOf(state, body.clientId, userId);
        const limit = body.limit ?? PULL_PAGE_MAX;
        const spaces = [userSpaceId(userId)];
        const changes: FavoriteChange[] = [];
        const next: Record<string, readonly [number, string]> = {};
        let hasMore = false;
        for (const space of spaces) {
          const position = cursor[space] ?? [0, ''];
          const rows = changesAfter(state, userId, position);
          const taken = rows.slice(0, limit - changes.length);
          if (rows.length > taken.length) hasMore = true;
          const last = taken.at(-1);
          next[space] = last ? [last.version, last.record.articleId] : position;
          for (const { record, version } of taken) {
            // Only catalogue articles are ever written (push rejects the others).
            changes.push(toFavoriteChange(space, version, record, articleSummary(state.articles.get(record.articleId)!)));
          }
        }
        return {
          cursor: encodeSyncCursor(next),
          changes,
          hasMore,
          spaces: {
            added: spaces.filter((space) => !(space in cursor)),
            removed: Object.keys(cursor).filter((space) => !spaces.includes(space)).sort(),
          },
          lastMutationId: client?.lastMutationId ?? 0,
          serverHlc: currentHlc(state.clock),
        };
      },
      options,
    ),
  ];
}
