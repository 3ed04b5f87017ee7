/**
 * Credentials: session tokens (cookie, or bearer) and API tokens (bearer). A request that
 * sends an Authorization header is judged by it alone, never by a cookie it also carries:
 * that is what lets the CSRF guard exempt bearer requests safely.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type User } from '../../src/contract';
import type { StoredUser, Storage, TokenKind, TokenStore } from '../storage/types';
import { SESSION_TTL_MS, setSessionCookie } from './sessionCookie';
import { hashToken, newToken } from './tokens';

/** last_used_at (and the sliding expiry) is written at most this often per token. */
export const TOKEN_TOUCH_INTERVAL_MS = 60_000;
const BEARER_PATTERN = /^Bearer\s+([A-Za-z0-9_-]{1,256})$/i;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

export interface Authenticated {
  readonly user: StoredUser;
  readonly tokenHash: string;
  readonly kind: TokenKind;
  readonly via: 'cookie' | 'bearer';
}

export function toUser(user: StoredUser): User {
  return { id: user.id, username: user.username, createdAt: new Date(user.createdAtMs).toISOString() };
}

/** Creates a session for the user and returns its raw token (for the cookie). */
export async function createSession(storage: Storage, userId: string, nowMs: number): Promise<string> {
  const token = newToken();
  await storage.tokens.create({
    tokenHash: hashToken(token),
    userId,
    kind: 'session',
    name: '',
    createdAtMs: nowMs,
    lastUsedAtMs: nowMs,
    expiresAtMs: nowMs + SESSION_TTL_MS,
  });
  return token;
}

/**
 * The raw token a request presents, and how; null when it presents none. A `queryToken`
 * (`?token=`, accepted on the WebSocket upgrade only: browsers cannot set headers there) counts
 * as a bearer token, judged alone like the header.
 */
function presentedToken(
  request: FastifyRequest,
  queryToken: string | undefined,
): { token: string | null; via: 'cookie' | 'bearer' } | null {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    return { token: BEARER_PATTERN.exec(authorization)?.[1] ?? null, via: 'bearer' };
  }
  if (queryToken !== undefined) return { token: TOKEN_PATTERN.test(queryToken) ? queryToken : null, via: 'bearer' };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

export async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  /** The server's `authTokens` (cached: cachedTokenStore.ts). */
  tokens: TokenStore,
  nowMs: number,
  queryToken?: string,
): Promise<Authenticated | null> {
  const presented = presentedToken(request, queryToken);
  if (!presented?.token) return null;
  const tokenHash = hashToken(presented.token);
  const found = await tokens.findActive(tokenHash, nowMs);
  if (!found) return null;
  const { token, user } = found;
  if (nowMs - token.lastUsedAtMs >= TOKEN_TOUCH_INTERVAL_MS) {
    // Sessions slide: they expire SESSION_TTL_DAYS after their last use, cookie included.
    const expiresAtMs = token.kind === 'session' ? nowMs + SESSION_TTL_MS : token.expiresAtMs;
    await tokens.touch(tokenHash, nowMs, expiresAtMs);
    if (token.kind === 'session' && presented.via === 'cookie') setSessionCookie(request, reply, presented.token);
  }
  return { user, tokenHash, kind: token.kind, via: presented.via };
}
