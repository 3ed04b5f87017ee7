/**
 * Login throttling as the contract states it (`LOGIN_RATE_LIMIT`): once a username has collected
 * `failuresPerUsername` failed logins inside the sliding window, further attempts are refused with
 * 429 until the oldest failure leaves the window. The mock has no client IPs, so the per-IP limit
 * is the server's alone.
 */
import { LOGIN_RATE_LIMIT } from '../src/contract/accounts';
import { RateLimitedError } from './http/respond';
import type { MockState } from './state';

const MS_PER_SECOND = 1000;

function recentFailures(state: MockState, username: string): number[] {
  const since = state.now() - LOGIN_RATE_LIMIT.windowMs;
  const failures = (state.loginFailures.get(username) ?? []).filter((at) => at > since);
  state.loginFailures.set(username, failures);
  return failures;
}

export function assertLoginAllowed(state: MockState, username: string): void {
  const failures = recentFailures(state, username);
  if (failures.length < LOGIN_RATE_LIMIT.failuresPerUsername) return;
  const oldest = failures[0] ?? state.now();
  const retryAfterMs = oldest + LOGIN_RATE_LIMIT.windowMs - state.now();
  throw new RateLimitedError('Too many failed logins; try again later', Math.max(1, Math.ceil(retryAfterMs / MS_PER_SECOND)));
}

export function recordLoginFailure(state: MockState, username: string): void {
  state.loginFailures.set(username, [...recentFailures(state, username), state.now()]);
}

export function clearLoginFailures(state: MockState, username: string): void {
  state.loginFailures.delete(username);
}
