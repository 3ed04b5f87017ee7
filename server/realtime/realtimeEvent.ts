/**
 * What instances tell each other over pub/sub: a space's version moved (a commit), or a session
 * ended (sign-out), so every instance can poke or close the sockets it holds. Decoded with a
 * schema on the way in: the broker is shared infrastructure, and a malformed message must be
 * dropped, not fanned out to thousands of sockets.
 */
import { z } from 'zod';
import { PublicSpaceId, SpaceId } from '../../src/contract';

export const RealtimeEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('poke'), space: z.union([SpaceId, PublicSpaceId]), version: z.number().int().nonnegative() }),
  /** tokenHash: the SHA-256 the database stores, never the raw token. */
  z.object({ type: z.literal('session_ended'), tokenHash: z.string().regex(/^[0-9a-f]{64}$/) }),
]);
export type RealtimeEvent = z.infer<typeof RealtimeEvent>;

export function encodeRealtimeEvent(event: RealtimeEvent): string {
  return JSON.stringify(event);
}

/** null for anything that is not an event of this version of the server. */
export function decodeRealtimeEvent(text: string): RealtimeEvent | null {
  try {
    const parsed = RealtimeEvent.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
