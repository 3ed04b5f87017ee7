/**
 * Login throttling (LOGIN_RATE_LIMIT in the contract): failed logins per (IP, username) and
 * all attempts per IP, each over a sliding window. Behind this interface so a shared store
 * (Redis) can replace the in-memory one when several instances run (Phase 2).
 */
export type ThrottleVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

export interface LoginThrottle {
  /** Whether an attempt may proceed now; asked before the password is checked. */
  check(ip: string, username: string): Promise<ThrottleVerdict>;
  /** Records an attempt that was checked (a success clears the username's failures). */
  record(ip: string, username: string, succeeded: boolean): Promise<void>;
}
