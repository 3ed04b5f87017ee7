import { beforeAll, describe, expect, it } from 'vitest';
import { ArticlePage, type ArticleSummary } from '../../src/contract/articles';
import {
  HLC_MAX_AHEAD_MS,
  PullResponse,
  PushResponse,
  SYNC_SCHEMA_VERSION,
  type FavoriteChange,
  type FavoriteSetArgs,
  type Mutation,
} from '../../src/contract/sync';
import { formatHlc, parseHlc } from '../../src/core/hlc';
import { articleIdForUrl } from '../../src/core/ids';
import type { TestClient, TestResponse } from './client';
import { expectError, useTarget } from './fixtures';
import { targets } from './targets';

const PUSH = '/api/v1/sync/push';
const PULL = '/api/v1/sync/pull';
/** Time the request takes between our `Date.now()` and the server's, generously. */
const CLOCK_SLACK_MS = 5_000;

let clients = 0;
/** A fresh sync client id (one device's outbox). */
function newClientId(): string {
  clients += 1;
  return `device${clients}${Math.random().toString(36).slice(2, 10)}`;
}

function setFavorite(id: number, clientId: string, args: FavoriteSetArgs, wallMs = Date.now()): Mutation {
  return { id, op: 'favorite.set.v1', args, hlc: formatHlc(wallMs, 0, clientId) };
}

function pushRaw(client: TestClient, clientId: string, mutations: readonly Mutation[], extra: object = {}): Promise<TestResponse> {
  return client.post(PUSH, { clientId, schemaVersion: SYNC_SCHEMA_VERSION, mutations, ...extra });
}

async function push(client: TestClient, clientId: string, mutations: readonly Mutation[]): Promise<PushResponse> {
  const response = await pushRaw(client, clientId, mutations);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return PushResponse.parse(response.body);
}

async function pull(client: TestClient, clientId: string, cursor: string | null, limit?: number): Promise<PullResponse> {
  const response = await client.post(PULL, { clientId, schemaVersion: SYNC_SCHEMA_VERSION, cursor, ...(limit ? { limit } : {}) });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return PullResponse.parse(response.body);
}

/** Follows the cursor until nothing more waits; every change seen, in order, and the last cursor. */
async function pullAll(
  client: TestClient,
  clientId: string,
  cursor: string | null = null,
  limit?: number,
): Promise<{ changes: FavoriteChange[]; cursor: string; pages: number }> {
  const changes: FavoriteChange[] = [];
  let pages = 0;
  for (;;) {
    const page = await pull(client, clientId, cursor, limit);
    pages += 1;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor, pages };
  }
}

describe.each(targets)('sync on $name', (target) => {
  const api = useTarget(target);
  let articles: ArticleSummary[] = [];

  beforeAll(async () => {
    const response = await api.client().get('/api/v1/articles?limit=30');
    articles = ArticlePage.parse(response.body).items;
  });
  const articleId = (index: number): string => {
    const found = articles[index];
    if (!found) throw new Error(`no article at ${index}`);
    return found.id;
  };

  describe('POST /sync/push', () => {
    it('applies a batch that a pull by another device of the same user then sees, registers and article included', async () => {
      const { client } = await api.signedIn();
      const laptop = newClientId();
      const result = await push(client, laptop, [
        setFavorite(1, laptop, { articleId: articleId(0), saved: true, note: 'read this', tags: { work: true } }),
        setFavorite(2, laptop, { articleId: articleId(1), saved: true, public: true }),
      ]);
      expect(result).toMatchObject({
        lastMutationId: 2,
        results: [
          { id: 1, status: 'applied' },
          { id: 2, status: 'applied' },
        ],
      });

      const { changes } = await pullAll(client, newClientId());
      const first = changes.find((c) => c.articleId === articleId(0));
      expect(first).toMatchObject({
        entity: 'favorite',
        saved: { value: true },
        note: { value: 'read this' },
        tags: { work: { value: true } },
        article: articles[0],
      });
      expect(changes.map((c) => c.articleId).sort()).toEqual([articleId(0), articleId(1)].sort());
      // REST sees the same favorites: one write path.
      const list = await client.get('/api/v1/favorites');
      expect((list.body as { items: unknown[] }).items).toHaveLength(2);
    });

    it('treats a replayed batch as no-ops that change nothing', async () => {
      const { client } = await api.signedIn();
      const device = newClientId();
      const batch = [setFavorite(1, device, { articleId: articleId(2), saved: true, note: 'once' })];
      await push(client, device, batch);
      const before = await pullAll(client, device);

      const replay = await push(client, device, batch);

      expect(replay).toMatchObject({ lastMutationId: 1, results: [{ id: 1, status: 'noop' }] });
      const after = await pull(client, device, before.cursor);
      expect(after.changes).toEqual([]);
    });

    it('answers 409 with lastMutationId when the batch skips ids, and applies nothing', async () => {
      const { client } = await api.signedIn();
      const device = newClientId();
      await push(client, device, [setFavorite(1, device, { articleId: articleId(3), saved: true })]);

      const gap = await pushRaw(client, device, [setFavorite(3, device, { articleId: articleId(4), saved: true })]);

      const error = expectError(gap, 409, 'conflict');
      expect(error.error.details).toEqual({ lastMutationId: 1 });
      const { changes } = await pullAll(client, device);
      expect(changes.map((c) => c.articleId)).toEqual([articleId(3)]);
    });

    it('refuses ids that are not consecutive and ascending with 400', async () => {
      const { client } = await api.signedIn();
      const device = newClientId();
      const batch = [
        setFavorite(2, device, { articleId: articleId(0), saved: true }),
        setFavorite(1, device, { articleId: articleId(1), saved: true }),
      ];
      expectError(await pushRaw(client, device, batch), 400, 'validation_failed');
    });

    it("refuses another user's client id with 403", async () => {
      const ada = await api.signedIn('ada');
      const bob = await api.signedIn('bob');
      const device = newClientId();
      await push(ada.client, device, [setFavorite(1, device, { articleId: articleId(0), saved: true })]);

      const stolen = await pushRaw(bob.client, device, [setFavorite(2, device, { articleId: articleId(1), saved: true })]);

      expectError(stolen, 403, 'forbidden');
      expectError(
        await bob.client.post(PULL, { clientId: device, schemaVersion: SYNC_SCHEMA_VERSION, cursor: null }),
        403,
        'forbidden',
      );
    });

    it('answers 426 to a client speaking another schema version, before looking at its body', async () => {
      const { client } = await api.signedIn();
      const device = newClientId();
      const response = await client.post(PUSH, { clientId: device, schemaVersion: SYNC_SCHEMA_VERSION + 1, changes: 'new shape' });
      expectError(response, 426, 'upgrade_required');
      expectError(
        await client.post(PULL, { clientId: device, schemaVersion: SYNC_SCHEMA_VERSION + 1, cursor: null }),
        426,
        'upgrade_required',
      );
    });

    it('rejects a mutation of an unknown article and still advances lastMutationId', async () => {
      const { client } = await api.signedIn();
      const device = newClientId();
      const result = await push(client, device, [
        // A well-formed id (e.g. a link saved offline) that the catalogue does not hold.
        setFavorite(1, device, { articleId: articleIdForUrl('https://nowhere.test/never-created'), saved: true }),
        setFavorite(2, device, { articleId: articleId(5), saved: true }),
      ]);
      expect(result).toMatchObject({
        lastMutationId: 2,
        results: [
          { id: 1, status: 'rejected', reason: 'unknown_article' },
          { id: 2, status: 'applied' },
        ],
      });
      expect((await pull(client, device, null)).lastMutationId).toBe(2);
    });

    it('rejects a malformed mutation on its own, so the rest of the batch and the queue go on', async () => {
      const { client } = await api.signedIn();
      const device = newClientId();
      const malformed = [
        { id: 1, op: 'favorite.set.v1', args: { articleId: articleId(6), note: 42 }, hlc: formatHlc(Date.now(), 0, device) },
        { id: 2, op: 'favorite.explode.v9', args: {}, hlc: formatHlc(Date.now(), 1, device) },
        { id: 3, op: 'favorite.set.v1', args: { articleId: articleId(6), saved: true }, hlc: 'yesterday' },
      ] as unknown as Mutation[];
      const result = await push(client, device, [...malformed, setFavorite(4, device, { articleId: articleId(7), saved: true })]);
      expect(result).toMatchObject({
        lastMutationId: 4,
        results: [
          { id: 1, status: 'rejected', reason: 'invalid_mutation' },
          { id: 2, status: 'rejected', reason: 'invalid_mutation' },
          { id: 3, status: 'rejected', reason: 'invalid_mutation' },
          { id: 4, status: 'applied' },
        ],
      });
      expect((await pullAll(client, device)).changes.map((change) => change.articleId)).toEqual([articleId(7)]);
    });

    it("rejects a mutation stamped with another client's id, which could win ties it has no right to", async () => {
      const { client } = await api.signedIn();
      const device = newClientId();
      const result = await push(client, device, [setFavorite(1, 'zzzzzzzzzzzz', { articleId: articleId(8), saved: true })]);
      expect(result).toMatchObject({ lastMutationId: 1, results: [{ id: 1, status: 'rejected', reason: 'hlc_client_mismatch' }] });
    });

    it('clamps a future-dated HLC to the server clock plus 60 s and answers a server HLC at least as late', async () => {
      const { client } = await api.signedIn();
      const device = newClientId();
      const year2100 = Date.UTC(2100, 0, 1);
      const result = await push(client, device, [setFavorite(1, device, { articleId: articleId(6), saved: true }, year2100)]);

      const { changes } = await pullAll(client, device);
      const saved = changes[0]!.saved.hlc;
      expect(parseHlc(saved).wallMs).toBeLessThanOrEqual(Date.now() + HLC_MAX_AHEAD_MS + CLOCK_SLACK_MS);
      expect(parseHlc(saved).clientId).toBe(device);
      expect(result.serverHlc >= saved).toBe(true);
    });

    it('merges per register: a newer HLC wins, an older one is a no-op, fields from two devices are both kept', async () => {
      const { client } = await api.signedIn();
      const phone = newClientId();
      const laptop = newClientId();
      const t = Date.now();
      await push(client, phone, [setFavorite(1, phone, { articleId: articleId(7), saved: true, note: 'from phone' }, t)]);
      const public_ = await push(client, laptop, [setFavorite(1, laptop, { articleId: articleId(7), public: true }, t + 1)]);
      const stale = await push(client, laptop, [setFavorite(2, laptop, { articleId: articleId(7), note: 'stale' }, t - 1000)]);
      const newer = await push(client, laptop, [setFavorite(3, laptop, { articleId: articleId(7), note: 'newer' }, t + 2)]);

      expect(public_.results).toEqual([{ id: 1, status: 'applied' }]);
      expect(stale.results).toEqual([{ id: 2, status: 'noop' }]);
      expect(newer.results).toEqual([{ id: 3, status: 'applied' }]);
      const [change] = (await pullAll(client, phone)).changes;
      expect(change).toMatchObject({ saved: { value: true }, note: { value: 'newer' }, public: { value: true } });
    });
  });

  describe('POST /sync/pull', () => {
    it('pages with a small limit, visiting every change exactly once, also inside one large version', async () => {
      const { client } = await api.signedIn();
      const device = newClientId();
      // One push: one version for all twelve favorites, more than a page holds.
      const ids = Array.from({ length: 12 }, (_, i) => articleId(i));
      await push(client, device, ids.map((id, i) => setFavorite(i + 1, device, { articleId: id, saved: true })));
      await client.put(`/api/v1/favorites/${articleId(12)}`, { note: 'via REST' });

      const { changes, pages } = await pullAll(client, device, null, 5);

      expect(pages).toBe(3);
      expect(changes.map((c) => c.articleId).sort()).toEqual([...ids, articleId(12)].sort());
      const keys = changes.map((c) => [c.version, c.articleId] as const);
      expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
    });

    it('starts a fresh device with its space added, and a cursor at the end brings nothing new', async () => {
      const { client, userId } = await api.signedIn();
      const device = newClientId();
      const first = await pull(client, device, null);
      expect(first).toMatchObject({ changes: [], hasMore: false, spaces: { added: [`u:${userId}`], removed: [] }, lastMutationId: 0 });

      const again = await pull(client, device, first.cursor);
      expect(again).toMatchObject({ changes: [], spaces: { added: [], removed: [] } });
    });

    it("never shows one user another user's favorites", async () => {
      const ada = await api.signedIn('ada');
      const bob = await api.signedIn('bob');
      const device = newClientId();
      await push(ada.client, device, [setFavorite(1, device, { articleId: articleId(0), saved: true, note: 'secret' })]);

      const bobs = await pullAll(bob.client, newClientId());
      expect(bobs.changes).toEqual([]);
      // Even with Ada's cursor, Bob reads only his own space (hers is reported removed).
      const adas = await pullAll(ada.client, newClientId());
      const page = await pull(bob.client, newClientId(), adas.cursor);
      expect(page.changes).toEqual([]);
      expect(page.spaces).toEqual({ added: [`u:${bob.userId}`], removed: [`u:${ada.userId}`] });
    });

    it('refuses a cursor it did not issue with 400', async () => {
      const { client } = await api.signedIn();
      const response = await client.post(PULL, { clientId: newClientId(), schemaVersion: SYNC_SCHEMA_VERSION, cursor: 'garbage!' });
      expectError(response, 400, 'validation_failed');
    });
  });

  describe('the HTTP edge', () => {
    it("answers a captive portal's HTML with 400, never an acknowledgement", async () => {
      const { client } = await api.signedIn();
      const response = await client.request('POST', PUSH, {
        raw: '<html><body>Sign in to the hotel Wi-Fi</body></html>',
        headers: { 'content-type': 'text/html' },
      });
      expectError(response, 400, 'validation_failed');
    });

    it('answers 401 without a session', async () => {
      const device = newClientId();
      expectError(await pushRaw(api.client(), device, []), 401, 'unauthenticated');
      expectError(await api.client().post(PULL, { clientId: device, schemaVersion: SYNC_SCHEMA_VERSION, cursor: null }), 401, 'unauthenticated');
    });

    it('refuses a cookie-authenticated push without the CSRF header with 403', async () => {
      const { client } = await api.signedIn();
      const device = newClientId();
      const response = await client.post(
        PUSH,
        { clientId: device, schemaVersion: SYNC_SCHEMA_VERSION, mutations: [setFavorite(1, device, { articleId: articleId(0), saved: true })] },
        { csrf: false },
      );
      expectError(response, 403, 'forbidden');
      expect((await pull(client, device, null)).changes).toEqual([]);
    });
  });
});
