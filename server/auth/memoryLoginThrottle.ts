/** The in-process LoginThrottle: right for one server instance. */
import { LOGIN_RATE_LIMIT } from '../../src/contract';
import type { LoginThrottle } from './loginThrottle';
import { SlidingWindowCounter } from './slidingWindowCounter';

export interface LoginLimits {
  readonly failuresPerUsername: number;
  readonly attemptsPerIp: number;
  readonly windowMs: number;
}

export function memoryLoginThrottle(now: () => number, limits: LoginLimits = LOGIN_RATE_LIMIT): LoginThrottle {
  const failures = new SlidingWindowCounter(limits.failuresPerUsername, limits.windowMs);
  const attempts = new SlidingWindowCounter(limits.attemptsPerIp, limits.windowMs);
  const failureKey = (ip: string, username: string) => `${ip}\u0000${username}`;

  return {
    async check(ip, username) {
      const nowMs = now();
      const retryAfterMs = Math.max(attempts.retryAfterMs(ip, nowMs), failures.retryAfterMs(failureKey(ip, username), nowMs));
      return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
    },
    async record(ip, username, succeeded) {
      const nowMs = now();
      attempts.add(ip, nowMs);
      if (succeeded) failures.clear(failureKey(ip, username));
      else failures.add(failureKey(ip, username), nowMs);
    },
  };
}
