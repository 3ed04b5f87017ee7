import { describe, expect, it } from 'vitest';
import { cachedTokenStore } from '../../server/auth/cachedTokenStore';
import type { StoredToken, StoredUser, TokenStore } from '../../server/storage/types';

const MAX_AGE_MS = 30_000;
const user: StoredUser = { id: 'u1', username: 'ada', passwordHash: 'x', createdAtMs: 0 };

function session(tokenHash: string, expiresAtMs: number | null = 1_000_000): StoredToken {
  return { tokenHash, userId: user.id, kind: 'session', name: '', createdAtMs: 0, lastUsedAtMs: 0, expiresAtMs };
}

/** An in-memory token store that counts its lookups and can hold one until released. */
function countingStore(tokens: StoredToken[]) {
  const rows = new Map(tokens.map((token) => [token.tokenHash, token]));
  let held: { reached: () => void; release: Promise<void> } | null = null;
  const store = {
    lookups: 0,
    /** The next lookup reads the row, then waits for `release` before answering. */
    holdNextLookup() {
      let release!: () => void;
      let reached!: () => void;
      const wasReached = new Promise<void>((resolve) => (reached = resolve));
      held = { reached, release: new Promise<void>((resolve) => (release = resolve)) };
      return { reached: wasReached, release };
    },
    tokens: {
      async create(token) {
        rows.set(token.tokenHash, token);
      },
      async findActive(tokenHash, nowMs) {
        store.lookups += 1;
        const token = rows.get(tokenHash);
        const found = token && (token.expiresAtMs === null || token.expiresAtMs > nowMs) ? { token, user } : null;
        if (held) {
          const { reached, release } = held;
          held = null;
          reached();
          await release;
        }
        return found;
      },
      async touch(tokenHash, lastUsedAtMs, expiresAtMs) {
        const token = rows.get(tokenHash);
        if (token) rows.set(tokenHash, { ...token, lastUsedAtMs, expiresAtMs });
      },
      async revoke(tokenHash) {
        rows.delete(tokenHash);
      },
      async deleteExpired() {
        return 0;
      },
    } satisfies TokenStore,
  };
  return store;
}

function setUp(tokens: StoredToken[], options: { maxEntries?: number } = {}) {
  const clock = { nowMs: 0 };
  const store = countingStore(tokens);
  const cached = cachedTokenStore(store.tokens, { maxAgeMs: MAX_AGE_MS, now: () => clock.nowMs, ...options });
  return { clock, store, cached };
}

describe('the token cache authentication reads', () => {
  it('looks a token up once per max age, then reads the database again', async () => {
    const { clock, store, cached } = setUp([session('a')]);
    expect(await cached.findActive('a', 0)).toMatchObject({ token: { tokenHash: 'a' }, user });
    clock.nowMs = MAX_AGE_MS - 1;
    await cached.findActive('a', clock.nowMs);
    expect(store.lookups).toBe(1);
    clock.nowMs = MAX_AGE_MS;
    await cached.findActive('a', clock.nowMs);
    expect(store.lookups).toBe(2);
  });

  it('refuses a cached token once it has expired, without asking the database', async () => {
    const { clock, store, cached } = setUp([session('a', 10_000)]);
    await cached.findActive('a', 0);
    clock.nowMs = 10_000;
    expect(await cached.findActive('a', clock.nowMs)).toBeNull();
    expect(store.lookups).toBe(1);
  });

  it('never caches an unknown token: it may be created the next moment', async () => {
    const { store, cached } = setUp([]);
    expect(await cached.findActive('new', 0)).toBeNull();
    await cached.create(session('new'));
    expect(await cached.findActive('new', 0)).not.toBeNull();
    expect(store.lookups).toBe(2);
  });

  it('refuses a revoked token at once, in this instance', async () => {
    const { cached } = setUp([session('a')]);
    await cached.findActive('a', 0);
    await cached.revoke('a');
    expect(await cached.findActive('a', 0)).toBeNull();
  });

  it('forgets a token another instance revoked (its session_ended event)', async () => {
    const { store, cached } = setUp([session('a')]);
    await cached.findActive('a', 0);
    await store.tokens.revoke('a');
    expect(await cached.findActive('a', 0)).not.toBeNull();
    cached.forget('a');
    expect(await cached.findActive('a', 0)).toBeNull();
  });

  it('does not cache what a lookup read before a revocation that arrived while it was in flight', async () => {
    const { clock, store, cached } = setUp([session('a')]);
    const held = store.holdNextLookup();
    const inFlight = cached.findActive('a', 0);
    await held.reached;
    await store.tokens.revoke('a');
    cached.forget('a');
    held.release();
    // The lookup answers what it read (the request started before the sign-out) ...
    expect(await inFlight).not.toBeNull();
    // ... but the next request asks the database, which no longer has the token.
    expect(await cached.findActive('a', 0)).toBeNull();
    expect(store.lookups).toBe(2);
    // A token with that hash is cached again once no lookup from before can still answer.
    await cached.create(session('a'));
    clock.nowMs = MAX_AGE_MS;
    await cached.findActive('a', clock.nowMs);
    await cached.findActive('a', clock.nowMs);
    expect(store.lookups).toBe(3);
  });

  it('keeps the sliding expiry it wrote, so a touched session does not expire from the cache early', async () => {
    const { clock, cached } = setUp([session('a', 10_000)]);
    await cached.findActive('a', 0);
    await cached.touch('a', 5_000, 50_000);
    clock.nowMs = 20_000;
    expect(await cached.findActive('a', clock.nowMs)).toMatchObject({ token: { lastUsedAtMs: 5_000, expiresAtMs: 50_000 } });
  });

  it('holds at most maxEntries tokens, dropping the oldest cached', async () => {
    const { store, cached } = setUp([session('a'), session('b'), session('c')], { maxEntries: 2 });
    for (const hash of ['a', 'b', 'c']) await cached.findActive(hash, 0);
    expect(store.lookups).toBe(3);
    await cached.findActive('c', 0);
    await cached.findActive('b', 0);
    expect(store.lookups).toBe(3);
    await cached.findActive('a', 0);
    expect(store.lookups).toBe(4);
  });
});
