/** Opaque bearer and session tokens: random, shown once, stored only as their SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Tokens carry 256 bits of entropy, so a fast unsalted hash is enough (no brute force). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
