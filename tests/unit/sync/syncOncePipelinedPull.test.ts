import { describe, expect, it } from 'vitest';
import { syncOnce } from '../../../src/sync/syncOnce';
import { fakeLocalStore } from './fakeLocalStore';
import { failure, fakeTransport, pullPage } from './fakeTransport';

const now = () => 10_000;

describe('syncOnce pulling several pages', () => {
  it('asks for the next page while it stores the current one, and stores the pages in order', async () => {
    const store = fakeLocalStore();
    const transport = fakeTransport();
    transport.pullAnswers.push(pullPage('c1', true), pullPage('c2', true), pullPage('c3', false));
    const storePage = store.applyPull.bind(store);
    const requestedWhileStoring: number[] = [];
    store.applyPull = async (response, nowMs) => {
      requestedWhileStoring.push(transport.pulls.length);
      await storePage(response, nowMs);
    };

    const result = await syncOnce({ store, transport, now });

    expect(result.ok).toBe(true);
    expect(requestedWhileStoring).toEqual([2, 3, 3]);
    expect(store.pulls.map((page) => page.cursor)).toEqual(['c1', 'c2', 'c3']);
    expect(transport.pulls.map((request) => request.cursor)).toEqual([null, 'c1', 'c2']);
  });

  it('keeps the cursor of the last page it stored when storing the next one fails, so the next pass asks for that page again', async () => {
    const store = fakeLocalStore();
    const transport = fakeTransport();
    transport.pullAnswers.push(pullPage('c1', true), pullPage('c2', true), pullPage('c3', false));
    const storePage = store.applyPull.bind(store);
    store.applyPull = async (response, nowMs) => {
      if (response.cursor === 'c2') throw new Error('QuotaExceededError');
      await storePage(response, nowMs);
    };

    await expect(syncOnce({ store, transport, now })).rejects.toThrow('QuotaExceededError');
    expect((await store.meta()).cursor).toBe('c1');

    store.applyPull = storePage;
    transport.pullAnswers.length = 0;
    transport.pullAnswers.push(pullPage('c2', false));
    await syncOnce({ store, transport, now });
    expect(transport.pulls.at(-1)?.cursor).toBe('c1');
    expect((await store.meta()).cursor).toBe('c2');
  });

  it('stores the pages before a failed request and reports the failure', async () => {
    const store = fakeLocalStore();
    const transport = fakeTransport();
    transport.pullAnswers.push(pullPage('c1', true), failure({ kind: 'offline', message: 'gone' }));

    const result = await syncOnce({ store, transport, now });

    expect(result).toMatchObject({ ok: false, failure: { kind: 'offline' } });
    expect((await store.meta()).cursor).toBe('c1');
  });
});
