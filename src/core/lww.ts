/**
 * Last-write-wins registers: every mutable field is `{value, hlc}`; a write applies iff its
 * timestamp sorts after the stored one. HLC strings end in the client id, so comparing the
 * strings compares (wall, counter, clientId): a total order, hence commutative, associative
 * and idempotent merges whatever order writes arrive in.
 */

export interface Register<T> {
  readonly value: T;
  readonly hlc: string;
}

/** True when a write stamped `candidate` must replace one stamped `stored`. */
export function wins(candidate: string, stored: string | null | undefined): boolean {
  return stored == null || candidate > stored;
}

/** Merge one incoming write into a register; `changed` says whether it applied. */
export function mergeRegister<T>(
  stored: Register<T> | null | undefined,
  incoming: Register<T>,
): { register: Register<T>; changed: boolean } {
  if (stored && !wins(incoming.hlc, stored.hlc)) return { register: stored, changed: false };
  return { register: incoming, changed: true };
}

/** The larger of two timestamps (null counts as the smallest). */
export function maxHlc(a: string | null | undefined, b: string | null | undefined): string | null {
  if (a == null) return b ?? null;
  if (b == null) return a;
  return a > b ? a : b;
}
