/**
 * `POST /sync/pull` (protocol.md, "Versions and pull"): the changes of every space the caller
 * can read, after the cursor's position in each, in (version, articleId) order. Every change is
 * a favorite's full register set, so applying it is a plain LWW merge on the client.
 *
 * Why a puller never skips a row: a write transaction bumps its space's version and stamps
 * its rows with it while holding the write lock, so versions commit in order, and the page is
 * read on one snapshot (Storage.read). A row committed after this read has a version above
 * every row read, hence above the cursor. Keying the cursor on (version, articleId), not
 * version alone, lets a page end inside one large version.
 */
import {
  decodeSyncCursor,
  encodeSyncCursor,
  PULL_PAGE_MAX,
  toFavoriteChange,
  type FavoriteChange,
  type PullRequest,
  type PullResponse,
  type SyncCursor,
} from '../../src/contract';
import { userSpaceId } from '../storage/spaceIds';
import type { Repositories, StoredFavoriteChange } from '../storage/types';
import type { SyncDeps } from './pushMutations';
import { syncClientOf } from './syncClientOf';

/** The spaces a user reads: their own for now; shared collections join in a later phase. */
export function readableSpaces(userId: string): string[] {
  return [userSpaceId(userId)];
}

export async function pullChanges(deps: SyncDeps, userId: string, request: PullRequest): Promise<PullResponse> {
  const cursor = decodeSyncCursor(request.cursor);
  const limit = request.limit ?? PULL_PAGE_MAX;
  const spaces = readableSpaces(userId).sort();
  const observeLag = deps.metrics?.sync.pullLag;
  // One snapshot: lastMutationId and the changes agree, so a client that drops its
  // acknowledged outbox entries already holds (or is paging towards) their effects. Read only:
  // a pull takes no write lock, so pushes never wait for pulls (nor pulls for pushes).
  const page = await deps.storage.read(async (tx) => {
    const client = await syncClientOf(tx, request.clientId, userId);
    const changes: FavoriteChange[] = [];
    const next: Record<string, readonly [number, string]> = {};
    let hasMore = false;
    for (const space of spaces) {
      const spaceVersion = await tx.spaces.version(space);
      const position = startingPoint(cursor[space], spaceVersion);
      next[space] = position;
      // Metrics: how far behind the space this device was (a first pull is no lag).
      if (observeLag && cursor[space]) observeLag(spaceVersion - position[0]);
      const remaining = limit - changes.length;
      if (remaining === 0) {
        hasMore = true;
        continue;
      }
      // One more than fits tells whether another page waits.
      const rows = await changesOfSpace(tx, space, position, remaining + 1);
      if (rows.length > remaining) hasMore = true;
      const taken = rows.slice(0, remaining);
      const last = taken.at(-1);
      if (last) next[space] = [last.version, last.record.articleId];
      changes.push(...taken.map(({ record, version, article }) => toFavoriteChange(space, version, record, article)));
    }
    return { changes, hasMore, cursor: next satisfies SyncCursor, lastMutationId: client?.lastMutationId ?? 0 };
  });
  return {
    cursor: encodeSyncCursor(page.cursor),
    changes: page.changes,
    hasMore: page.hasMore,
    spaces: {
      added: spaces.filter((space) => !(space in cursor)),
      removed: Object.keys(cursor).filter((space) => !spaces.includes(space)).sort(),
    },
    lastMutationId: page.lastMutationId,
    serverHlc: deps.clock.current(),
  };
}

/**
 * Where to read a space from. A cursor beyond the space's version comes from a server that was
 * later restored from an older backup: versions will be reused for new changes, which that
 * cursor would skip forever. The device reads the whole space again instead; merging is LWW,
 * so what it holds that is newer stays, and it converges on everything the server has.
 */
function startingPoint(position: readonly [number, string] | undefined, spaceVersion: number): readonly [number, string] {
  if (!position || position[0] > spaceVersion) return [0, ''];
  return position;
}

function changesOfSpace(
  tx: Repositories,
  space: string,
  position: readonly [number, string],
  limit: number,
): Promise<StoredFavoriteChange[]> {
  // Only user spaces exist so far: `u:<userId>` holds that user's favorites.
  const userId = space.slice('u:'.length);
  return tx.favorites.changesAfter(userId, position, limit);
}

