/** Session cookies and the caller behind a request (session cookie or bearer token). */
import { SESSION_TTL_DAYS } from '../src/contract/accounts';
import { SESSION_COOKIE } from '../src/contract/common';
import { IN_BROWSER } from './http/respond';
import { randomToken, type MockState, type MockUser } from './state';

const SECONDS_PER_DAY = 24 * 60 * 60;
export const SESSION_MAX_AGE_SECONDS = SESSION_TTL_DAYS * SECONDS_PER_DAY;
/** HttpOnly only where it can work: `document.cookie` drops cookies that carry it (see respond.ts). */
const HTTP_ONLY = IN_BROWSER ? '' : '; HttpOnly';

export interface Caller {
  readonly user: MockUser;
  readonly via: 'session' | 'bearer';
}

export function startSession(state: MockState, user: MockUser): string {
  const token = randomToken();
  state.sessions.set(token, user.id);
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${SESSION_MAX_AGE_SECONDS}; SameSite=Lax${HTTP_ONLY}`;
}

/** Revokes the session (if any) and returns the Set-Cookie that clears it in the client. */
export function endSession(state: MockState, cookies: Readonly<Record<string, string>>): string {
  const token = cookies[SESSION_COOKIE];
  if (token) state.sessions.delete(token);
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax${HTTP_ONLY}`;
}

/** The token of an `Authorization: Bearer <token>` header; null when there is no such header. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  // A malformed Authorization header still counts as an attempt at bearer auth (and fails).
  return match?.[1] ?? '';
}

function userById(state: MockState, id: string): MockUser | null {
  for (const user of state.users.values()) if (user.id === id) return user;
  return null;
}

/**
 * Who is calling. A bearer header, when present, is the only credential considered: a bad
 * token is unauthenticated even if a valid cookie rides along.
 */
export function findCaller(
  state: MockState,
  cookies: Readonly<Record<string, string>>,
  bearer: string | null,
): Caller | null {
  if (bearer !== null) {
    const token = state.apiTokens.get(bearer);
    const user = token ? userById(state, token.userId) : null;
    return user ? { user, via: 'bearer' } : null;
  }
  const session = cookies[SESSION_COOKIE];
  const userId = session ? state.sessions.get(session) : undefined;
  const user = userId ? userById(state, userId) : null;
  return user ? { user, via: 'session' } : null;
}
