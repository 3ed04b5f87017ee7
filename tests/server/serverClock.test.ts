import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '../../src/core/hlc';
import { createServer } from '../../server/app';
import { applyFavoriteWrite } from '../../server/sync/applyFavoriteWrite';
import { ServerClock, startServerClock } from '../../server/sync/serverClock';
import { addArticles, addUser, article } from './support/fixtures';
import { CSRF, cookieHeader, signup } from './support/http';
import { storageTargets, useStorage } from './support/storageTargets';
import { testClock } from './support/testClock';

const HOUR_MS = 60 * 60_000;
/** A first start seeds the catalogue (seconds on PostgreSQL on a busy machine: full-text vectors). */
const SERVER_START_TIMEOUT_MS = 60_000;

describe('the server clock', () => {
  it('stamps strictly increasing HLCs, even within one millisecond', () => {
    const clock = new ServerClock(() => 1_000);
    const stamps = [clock.stamp(), clock.stamp(), clock.stamp()];
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(3);
    expect(parseHlc(stamps[0]!).clientId).toBe('server');
  });

  it('sorts after a client HLC it has received', () => {
    const clock = new ServerClock(() => 1_000);
    const future = '000000000005000-0003-deviceA';
    clock.receive(future);
    expect(clock.stamp() > future).toBe(true);
  });
});

describe.each(storageTargets)('the server clock on $name', (target) => {
  const db = useStorage(target);

  it('never stamps lower than a stored HLC after a restart, even when the wall clock went back', async () => {
    const first = db.storage;
    const user = await addUser(first);
    const articleId = (await addArticles(first, [article('restart')]))[0]!.id;
    const before = (await startServerClock(first, () => Date.UTC(2026, 5, 1))).stamp();
    await applyFavoriteWrite(first, { userId: user.id, articleId, patch: { saved: true }, hlc: before });

    const second = await db.open();
    const after = (await startServerClock(second, () => Date.UTC(2026, 5, 1) - HOUR_MS)).stamp();
    await second.close();

    expect(after > before).toBe(true);
  });

  it('lets a REST write after a restart with a clock set back still win over the earlier one', async () => {
    const now = testClock();
    const first = await createServer({ ...db.location, logLevel: 'silent', now });
    const token = await signup(first, 'clocky');
    const { id } = (await first.inject({ url: '/api/v1/articles?limit=1' })).json().items[0];
    const headers = { ...CSRF, ...cookieHeader(token) };
    await first.inject({ method: 'PUT', url: `/api/v1/favorites/${id}`, headers, payload: { note: 'before restart' } });
    await first.close();

    now.advance(-HOUR_MS);
    const second = await createServer({ ...db.location, logLevel: 'silent', now });
    await second.inject({ method: 'PUT', url: `/api/v1/favorites/${id}`, headers, payload: { note: 'after restart' } });
    const favorite = (await second.inject({ url: `/api/v1/favorites`, headers })).json().items[0];
    await second.close();

    expect(favorite.note).toBe('after restart');
  }, SERVER_START_TIMEOUT_MS);

  it('lets a REST remove win over a save stamped ahead of its clock by another process (WORKERS, instances)', async () => {
    const now = testClock();
    const server = await createServer({ ...db.location, logLevel: 'silent', now, instanceName: 'w2' });
    try {
      const token = await signup(server, 'twoclocks');
      const headers = { ...CSRF, ...cookieHeader(token) };
      const { id } = (await server.inject({ url: '/api/v1/articles?limit=1' })).json().items[0];
      const user = await db.storage.users.findByUsername('twoclocks');
      // A device 50 s ahead (within the 60 s clamp) pushed a save through another worker: its HLC
      // is stored, and this server's clock never received it.
      const ahead = formatHlc(now() + 50_000, 0, 'deviceA');
      await applyFavoriteWrite(db.storage, { userId: user!.id, articleId: id, patch: { saved: true }, hlc: ahead });

      const removed = await server.inject({ method: 'DELETE', url: `/api/v1/favorites/${id}`, headers });

      expect(removed.statusCode).toBe(204);
      expect((await server.inject({ url: '/api/v1/favorites', headers })).json().items).toEqual([]);
    } finally {
      await server.close();
    }
  }, SERVER_START_TIMEOUT_MS);
});
