import { ApiError } from '../../src/contract';
import type { Repositories, StoredSyncClient } from '../storage/types';

/**
 * The stored sync client `clientId` when it belongs to `userId`; null when it was never seen.
 * A client belongs to the first user that used it: another user presenting it is refused, so
 * one user never replays (or reads the progress of) another user's outbox.
 */
export async function syncClientOf(tx: Repositories, clientId: string, userId: string): Promise<StoredSyncClient | null> {
  const client = await tx.syncClients.get(clientId);
  if (client && client.userId !== userId) throw new ApiError('forbidden', 'This sync client belongs to another account');
  return client;
}
