/**
 * The spaces a user reads, so their sockets get the pokes of each: today their own `u:` space;
 * shared collections will add their `c:` spaces here (a membership query), and the socket
 * subscribes to whatever this returns when it opens.
 */
import { userSpaceId } from '../storage/spaceIds';
import type { Storage } from '../storage/types';

export async function spacesOf(_storage: Storage, userId: string): Promise<readonly string[]> {
  return [userSpaceId(userId)];
}
