import { describe, expect, it } from 'vitest';
import { CLOSE_SERVER_RESTART } from '../../../src/contract';
import { storedFavorite } from '../support/storedFavorite';
import { RESTART_REASON } from '../../../server/realtime/realtimeHub';
import { gate } from './support/gate';
import { HttpUser, newClientId } from './support/httpClient';
import { sharedDatabaseFile, startServer } from './support/realtimeServer';
import { TestSocket } from './support/testSocket';

/** It starts its own server (migrations, catalogue seed): seconds on a loaded machine. */
const SERVER_TEST_TIMEOUT_MS = 30_000;

describe('graceful shutdown', () => {
  it('closes sockets with 1012 and the reconnect hint, lets a push in flight finish with 200, and stores it', async () => {
    const database = sharedDatabaseFile();
    const pushes = gate('/api/v1/sync/push');
    const server = await startServer({ databaseFile: database.file }, pushes.install);
    try {
      const user = await HttpUser.signup(server.origin);
      const [articleId] = await user.articleIds(1);
      const sockets = await Promise.all([1, 2].map(() => TestSocket.open(server.wsUrl, { headers: user.cookie })));

      const clientId = newClientId();
      const held = pushes.hold();
      const pushed = user.push(clientId, 1, [{ articleId: articleId!, saved: true, note: 'in flight' }]);
      await held.reached;
      const closing = server.close();

      // Sockets go first, so devices reconnect (elsewhere) while the push is still running.
      for (const socket of sockets) expect(await socket.closed).toEqual({ code: CLOSE_SERVER_RESTART, reason: RESTART_REASON });
      // A device reconnecting to this instance meanwhile is turned away (503 or refused), not upgraded.
      await expect(TestSocket.open(server.wsUrl, { headers: user.cookie })).rejects.toThrow();

      held.release();
      const response = await pushed;
      expect(response.lastMutationId).toBe(1);
      expect(response.results).toEqual([{ id: 1, status: 'applied' }]);
      await closing;

      expect(await storedFavorite(database.file, user.username, articleId!)).toMatchObject({ note: 'in flight' });
    } finally {
      pushes.releaseAll();
      await server.close();
      database.remove();
    }
  }, SERVER_TEST_TIMEOUT_MS);
});
