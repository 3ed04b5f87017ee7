import { createSyncStore, userDb } from '../../db';
import type { LocalStore } from '../../sync';

/**
 * The engine's store for `userId`, resolving the user's database on every call: the session
 * closes a database when it ends (sessionExpired) and the same user's next sign-in opens a new
 * connection, which the paused engine must use when it resumes.
 */
export function userSyncStore(userId: string): LocalStore {
  const store = () => createSyncStore(userDb(userId));
  return {
    writeFavorite: (article, patch, nowMs) => store().writeFavorite(article, patch, nowMs),
    pending: (limit) => store().pending(limit),
    pendingCount: () => store().pendingCount(),
    acknowledge: (lastMutationId, results, serverHlc, nowMs) => store().acknowledge(lastMutationId, results, serverHlc, nowMs),
    applyPull: (response, nowMs) => store().applyPull(response, nowMs),
    meta: () => store().meta(),
    get: (articleId) => store().get(articleId),
    rebaseOutbox: () => store().rebaseOutbox(),
  };
}
