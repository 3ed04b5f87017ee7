/**
 * Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane). The async
 * API runs the hash on libuv's thread pool, off the event loop (about 40 ms here).
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

const ARGON2ID = 2 as Algorithm;
const MEMORY_COST_KIB = 19_456;
const TIME_COST_PASSES = 2;
const PARALLELISM_LANES = 1;

export function hashPassword(password: string): Promise<string> {
  return hash(password, {
    algorithm: ARGON2ID,
    memoryCost: MEMORY_COST_KIB,
    timeCost: TIME_COST_PASSES,
    parallelism: PARALLELISM_LANES,
  });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, never a crash.
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/**
 * Spend the same time as a real check when the username does not exist, so response
 * times do not reveal which usernames are taken.
 */
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  await verifyPassword(await decoyHash, password);
  return false;
}
