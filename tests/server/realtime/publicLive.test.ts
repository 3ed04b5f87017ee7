import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, publicLivePath, publicSpaceId } from '../../../src/contract';
import { HttpUser, newClientId } from './support/httpClient';
import { openedSockets } from './support/openedSockets';
import { startServer, type RunningServer } from './support/realtimeServer';
import { refusedUpgrade, TestSocket } from './support/testSocket';

let server: RunningServer;
const open = openedSockets();

/** An anonymous watcher of `username`'s public page (no cookie, no token). */
function watch(username: string): Promise<TestSocket> {
  return open(server.origin.replace(/^http/, 'ws') + publicLivePath(username));
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('GET /api/v1/users/:username/live', () => {
  it('refuses the upgrade with 404 for a user that does not exist', async () => {
    const refusal = await refusedUpgrade(server.origin.replace(/^http/, 'ws') + publicLivePath('nobody-at-all'));
    expect(refusal.status).toBe(404);
    expect(ErrorBody.parse(refusal.body).error.code).toBe('not_found');
  });

  it('pokes anyone watching when a public favorite changes, and never for private ones', async () => {
    const owner = await HttpUser.signup(server.origin);
    const [privateOne, publicOne] = await owner.articleIds(2);
    const watcher = await watch(owner.username);

    // A private save changes nothing the page shows: no poke. The first poke is the public one.
    await owner.save(privateOne!);
    await owner.json('PUT', `/api/v1/favorites/${publicOne}`, { public: true });
    const madePublic = await watcher.next('poke', 0);
    expect(madePublic).toEqual({ type: 'poke', space: publicSpaceId(owner.username), version: 2 });

    // A synced note edit on the public favorite: poked with the push's version.
    const pushed = await owner.push(newClientId(), 1, [{ articleId: publicOne!, note: 'now with a note' }]);
    expect(pushed.results[0]?.status).toBe('applied');
    expect((await watcher.next('poke', 1)).version).toBe(3);

    // Made private: the page loses it, so that is a change too; later private edits are not.
    await owner.json('PUT', `/api/v1/favorites/${publicOne}`, { public: false });
    expect((await watcher.next('poke', 2)).version).toBe(4);
    await owner.json('PUT', `/api/v1/favorites/${privateOne}`, { note: 'private thoughts' });
    await owner.remove(publicOne!);
    await owner.json('PUT', `/api/v1/favorites/${privateOne}`, { public: true });
    expect((await watcher.next('poke', 3)).version).toBe(7);
  });

  it("a user's own sockets still get their space's pokes; a watcher of another user's page gets none of them", async () => {
    const ada = await HttpUser.signup(server.origin);
    const bob = await HttpUser.signup(server.origin);
    const [article] = await ada.articleIds(1);
    const bobsPage = await watch(bob.username);

    await ada.json('PUT', `/api/v1/favorites/${article}`, { public: true });
    await bob.json('PUT', `/api/v1/favorites/${article}`, { public: true });

    expect(await bobsPage.next('poke', 0)).toEqual({ type: 'poke', space: publicSpaceId(bob.username), version: 1 });
  });
});
