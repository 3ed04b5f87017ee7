/**
 * Checks an Authorization header against the metrics token in constant time: both sides are
 * hashed first, so neither the comparison's duration nor a length check tells an attacker how
 * much of a guess was right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer[ ]+(\S+)[ ]*$/i;

const digest = (value: string) => createHash('sha256').update(value).digest();

export function bearerTokenMatcher(token: string): (authorization: string | undefined) => boolean {
  const expected = digest(token);
  return (authorization) => {
    const presented = authorization ? BEARER.exec(authorization)?.[1] : undefined;
    // Hash something even without a token, so a missing header costs the same as a wrong one.
    return timingSafeEqual(digest(presented ?? ''), expected) && presented !== undefined;
  };
}
