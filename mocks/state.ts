/**
 * The mock backend's in-memory state: accounts, sessions, API tokens, the seeded catalogue and
 * every user's favorites as LWW registers. One state per `createHandlers()` call, so each test
 * (or each browser tab in `dev:mock`) starts clean. Plain data; the operations live beside the
 * handlers that use them.
 */
import type { Article } from '../src/contract/articles';
import type { FavoriteRecord } from '../src/core/favoriteRecord';
import { createClock, send, type HlcState } from '../src/core/hlc';
import { newId } from '../src/core/ids';
import { generateCatalogue } from '../src/seed/catalogue';

/** HLC client id of the mock backend, as `server` is the real one's. */
export const MOCK_CLIENT_ID = 'mock';

export interface MockUser {
  readonly id: string;
  readonly username: string;
  /** A mock: stored as given. Never reuse this store for real credentials. */
  readonly password: string;
  readonly createdAt: string;
}

export interface MockApiToken {
  readonly userId: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface MockState {
  /** By username (usernames are unique and already normalised by the contract). */
  readonly users: Map<string, MockUser>;
  /** Session token (the cookie value) → user id. */
  readonly sessions: Map<string, string>;
  /** Bearer token → its owner. */
  readonly apiTokens: Map<string, MockApiToken>;
  /** By id. */
  readonly articles: Map<string, Article>;
  /** Newest first (publishedAt, then id, descending); rebuilt when an article is added. */
  articlesNewestFirst: Article[];
  /** User id → article id → registers. Changed only through `applyFavoritePatch`. */
  readonly favorites: Map<string, Map<string, FavoriteRecord>>;
  /** User id → article id → space version of the favorite's last change (what a pull orders by). */
  readonly favoriteVersions: Map<string, Map<string, number>>;
  /** Space id → version: bumped once per write (a REST write, or a whole push batch). */
  readonly spaceVersions: Map<string, number>;
  /** Sync client id → its owner and the last mutation id processed. */
  readonly syncClients: Map<string, MockSyncClient>;
  /** Username → times (ms) of failed logins inside the throttling window. */
  readonly loginFailures: Map<string, number[]>;
  clock: HlcState;
  /** Physical clock in ms; injectable so tests can move time. */
  readonly now: () => number;
}

export interface MockSyncClient {
  readonly userId: string;
  lastMutationId: number;
}

export interface MockStateOptions {
  readonly articles?: readonly Article[];
  /** Accounts that exist from the start (e.g. a demo login for `dev:mock`). */
  readonly accounts?: readonly { readonly username: string; readonly password: string }[];
  readonly now?: () => number;
}

/** The account `dev:mock` starts with, so a reload (which empties the mock) is one sign-in away. */
export const DEMO_ACCOUNT = { username: 'demo', password: 'demo-password' } as const;

export function compareNewestFirst(a: Article, b: Article): number {
  if (a.publishedAt !== b.publishedAt) return Date.parse(b.publishedAt) - Date.parse(a.publishedAt);
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Generated once per page or process: articles are never mutated, only added to a state's own maps. */
let seededCatalogue: readonly Article[] | undefined;

export function createMockState(options: MockStateOptions = {}): MockState {
  const articles = options.articles ?? (seededCatalogue ??= generateCatalogue());
  const now = options.now ?? (() => Date.now());
  const users = (options.accounts ?? []).map(
    (account): MockUser => ({ id: newId(), ...account, createdAt: new Date(now()).toISOString() }),
  );
  return {
    users: new Map(users.map((user) => [user.username, user])),
    sessions: new Map(),
    apiTokens: new Map(),
    articles: new Map(articles.map((article) => [article.id, article])),
    articlesNewestFirst: [...articles].sort(compareNewestFirst),
    favorites: new Map(),
    favoriteVersions: new Map(),
    spaceVersions: new Map(),
    syncClients: new Map(),
    loginFailures: new Map(),
    clock: createClock(MOCK_CLIENT_ID),
    now,
  };
}

/** Stamp one write with the mock's HLC. */
export function stamp(state: MockState): string {
  const next = send(state.clock, state.now());
  state.clock = next.state;
  return next.hlc;
}

export function addArticle(state: MockState, article: Article): void {
  state.articles.set(article.id, article);
  state.articlesNewestFirst = [...state.articles.values()].sort(compareNewestFirst);
}

/** A random URL-safe secret (sessions, API tokens); Web Crypto exists in browsers and Node 20. */
export function randomToken(bytes = 32): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const byte of buffer) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
