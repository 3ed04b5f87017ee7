/**
 * The token store authentication reads, with the tokens it recently found kept in memory: every
 * request looks its session up, and on PostgreSQL that lookup is a network round trip of its
 * own (about one in six of a request's), on SQLite a few percent of the server's time. A cached
 * token is used for at most `maxAgeMs`, and then read from the database again.
 *
 * What keeps a sign-out effective everywhere:
 * - `revoke` (the sign-out route) deletes the row, then forgets the token here;
 * - the route publishes `session_ended` on pub/sub, and every instance (every worker) hands it
 *   to `forget`, so the others stop accepting the token as soon as the event arrives;
 * - an event lost to a broker outage leaves the token usable on the other instances for at
 *   most `maxAgeMs`: the bound this module trades for one lookup per token per `maxAgeMs`;
 * - a lookup that read the row before the revocation and answers after it is not cached: a
 *   forgotten token is refused a place in the cache for `maxAgeMs`.
 * Expiry is checked against the cached token on every use; `touch` (the sliding expiry)
 * updates the cached copy with what it wrote.
 */
import type { StoredToken, StoredUser, TokenStore } from '../storage/types';

/** How long a cached token is trusted: the longest a lost sign-out event can go unnoticed. */
export const SESSION_CACHE_MAX_AGE_MS = 30_000;
/** About 400 bytes each: 50,000 active tokens in ~20 MB; the oldest cached goes first. */
export const SESSION_CACHE_MAX_ENTRIES = 50_000;

type FoundToken = { token: StoredToken; user: StoredUser };

interface CachedToken {
  found: FoundToken;
  cachedAtMs: number;
}

export interface CachedTokenStore extends TokenStore {
  /** Drops the token from this instance's cache (a `session_ended` event from any instance). */
  forget(tokenHash: string): void;
}

export interface TokenCacheOptions {
  readonly maxAgeMs?: number;
  readonly maxEntries?: number;
  /** Wall clock in ms: when entries were cached and when forgotten ones may be cached again. */
  readonly now: () => number;
}

export function cachedTokenStore(tokens: TokenStore, options: TokenCacheOptions): CachedTokenStore {
  const maxAgeMs = options.maxAgeMs ?? SESSION_CACHE_MAX_AGE_MS;
  const maxEntries = options.maxEntries ?? SESSION_CACHE_MAX_ENTRIES;
  const entries = new Map<string, CachedToken>();
  /** Tokens forgotten lately, with when: a lookup already in flight must not cache them again. */
  const forgotten = new Map<string, number>();

  const expired = (token: StoredToken, nowMs: number) => token.expiresAtMs !== null && token.expiresAtMs <= nowMs;

  function remember(tokenHash: string, found: FoundToken): void {
    const nowMs = options.now();
    const forgottenAtMs = forgotten.get(tokenHash);
    if (forgottenAtMs !== undefined) {
      if (nowMs - forgottenAtMs < maxAgeMs) return;
      forgotten.delete(tokenHash);
    }
    entries.delete(tokenHash);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(tokenHash, { found, cachedAtMs: nowMs });
  }

  function forget(tokenHash: string): void {
    entries.delete(tokenHash);
    const nowMs = options.now();
    // Kept in the order they were forgotten, so the oldest marks are the first ones.
    forgotten.delete(tokenHash);
    forgotten.set(tokenHash, nowMs);
    // Sign-outs are rare; drop the marks that no lookup can need any more.
    for (const [hash, atMs] of forgotten) {
      if (nowMs - atMs < maxAgeMs) break;
      forgotten.delete(hash);
    }
  }

  return {
    create: (token) => tokens.create(token),

    async findActive(tokenHash, nowMs) {
      const cached = entries.get(tokenHash);
      if (cached && options.now() - cached.cachedAtMs < maxAgeMs) {
        if (!expired(cached.found.token, nowMs)) return cached.found;
        entries.delete(tokenHash);
        return null;
      }
      const found = await tokens.findActive(tokenHash, nowMs);
      if (found) remember(tokenHash, found);
      else entries.delete(tokenHash);
      return found;
    },

    async touch(tokenHash, lastUsedAtMs, expiresAtMs) {
      await tokens.touch(tokenHash, lastUsedAtMs, expiresAtMs);
      const cached = entries.get(tokenHash);
      if (cached) cached.found = { ...cached.found, token: { ...cached.found.token, lastUsedAtMs, expiresAtMs } };
    },

    async revoke(tokenHash) {
      await tokens.revoke(tokenHash);
      forget(tokenHash);
    },

    deleteExpired: (nowMs) => tokens.deleteExpired(nowMs),

    forget,
  };
}
