/**
 * What a simulated user of the user-mix benchmark does next, and when: pure (a seeded PRNG in,
 * a choice out) so the mix is the same on both databases. Think times are exponential: each
 * user acts as a Poisson process, memoryless like independent people are, so 1,000 users add up
 * to a steady, bursty-at-random arrival stream instead of the lock-step waves fixed delays make.
 */
import type { Random } from '../../src/seed/random';

/** One step of a user's loop; the share is of steps, not of requests (a pull may page). */
export const USER_ACTIONS = [
  { action: 'list', share: 0.4 },
  { action: 'pushSave', share: 0.25 },
  { action: 'pushRemove', share: 0.1 },
  { action: 'pull', share: 0.2 },
  { action: 'rest', share: 0.05 },
] as const;
export type UserAction = (typeof USER_ACTIONS)[number]['action'];

/** Every kind of request the users send, as the report lists them. */
export const REQUEST_KINDS = ['list', 'pushSave', 'pushRemove', 'pull', 'pullOnPoke', 'restPut', 'restDelete'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Mutations per push: 1 to this many, uniformly. */
export const MUTATIONS_PER_PUSH_MAX = 3;

export function pickAction(random: Random): UserAction {
  let roll = random.next();
  for (const { action, share } of USER_ACTIONS) {
    if (roll < share) return action;
    roll -= share;
  }
  return USER_ACTIONS[USER_ACTIONS.length - 1]!.action;
}

/** An exponentially distributed pause with the given mean (inverse transform of a uniform draw). */
export function thinkTimeMs(random: Random, meanMs: number): number {
  return -Math.log(1 - random.next()) * meanMs;
}
