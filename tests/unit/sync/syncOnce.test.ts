import { describe, expect, it } from 'vitest';
import { PUSH_BATCH_MAX } from '../../../src/contract';
import { syncOnce } from '../../../src/sync/syncOnce';
import { FAKE_CLIENT_ID, fakeLocalStore } from './fakeLocalStore';
import { ackAll, failure, fakeTransport, pullPage, SERVER_HLC } from './fakeTransport';

const now = () => 10_000;

describe('syncOnce', () => {
  it('pushes the outbox in batches of PUSH_BATCH_MAX, ids ascending and gapless, acknowledging each batch', async () => {
    const store = fakeLocalStore();
    const transport = fakeTransport();
    store.queue(PUSH_BATCH_MAX * 2 + 1);

    const result = await syncOnce({ store, transport, now });

    expect(result).toMatchObject({ ok: true, pushed: PUSH_BATCH_MAX * 2 + 1, rejected: [], pulled: 0 });
    expect(transport.pushes.map((p) => p.mutations.length)).toEqual([PUSH_BATCH_MAX, PUSH_BATCH_MAX, 1]);
    expect(transport.pushes.map((p) => p.mutations[0]?.id)).toEqual([1, PUSH_BATCH_MAX + 1, PUSH_BATCH_MAX * 2 + 1]);
    expect(transport.pushes.every((p) => p.clientId === FAKE_CLIENT_ID && p.schemaVersion === 1)).toBe(true);
    expect(store.acknowledged).toEqual([PUSH_BATCH_MAX, PUSH_BATCH_MAX * 2, PUSH_BATCH_MAX * 2 + 1]);
    expect(store.outbox).toEqual([]);
  });

  it('pulls after pushing, following the cursor until hasMore is false', async () => {
    const store = fakeLocalStore();
    const transport = fakeTransport();
    store.queue(1);
    transport.pullAnswers.push(pullPage('c1', true), pullPage('c2', true), pullPage('c3', false));

    const result = await syncOnce({ store, transport, now });

    expect(result.ok).toBe(true);
    expect(transport.pulls.map((p) => p.cursor)).toEqual([null, 'c1', 'c2']);
    expect(store.pulls.map((p) => p.cursor)).toEqual(['c1', 'c2', 'c3']);
  });

  it('acknowledges nothing when the push answer does not parse, and does not pull', async () => {
    const store = fakeLocalStore();
    const transport = fakeTransport();
    store.queue(3);
    transport.pushAnswers.push(failure({ kind: 'bad_response', status: 200, message: 'expected JSON, got text/html' }));

    const result = await syncOnce({ store, transport, now });

    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad_response' }, pushed: 0 });
    expect(store.acknowledged).toEqual([]);
    expect(store.outbox.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(transport.pulls).toEqual([]);
  });

  it('keeps what the first batches achieved when a later batch fails', async () => {
    const store = fakeLocalStore();
    const transport = fakeTransport();
    store.queue(5);
    transport.pushAnswers.push(ackAll, failure({ kind: 'offline', message: 'gone' }));

    const result = await syncOnce({ store, transport, now, batchMax: 2 });

    expect(result).toMatchObject({ ok: false, failure: { kind: 'offline' }, pushed: 2 });
    expect(store.outbox.map((e) => e.id)).toEqual([3, 4, 5]);
  });

  it('returns the writes the server rejected', async () => {
    const store = fakeLocalStore();
    const transport = fakeTransport();
    store.queue(2);
    transport.pushAnswers.push({
      ok: true,
      value: {
        lastMutationId: 2,
        results: [
          { id: 1, status: 'applied' },
          { id: 2, status: 'rejected', reason: 'unknown_article' },
        ],
        serverHlc: SERVER_HLC,
      },
    });

    const result = await syncOnce({ store, transport, now });

    expect(result.rejected).toEqual([{ entry: expect.objectContaining({ id: 2 }), reason: 'unknown_article' }]);
  });

  it('refuses an acknowledgement short of the batch instead of pushing the same batch forever', async () => {
    const store = fakeLocalStore();
    const transport = fakeTransport();
    store.queue(2);
    transport.pushAnswers.push({ ok: true, value: { lastMutationId: 1, results: [], serverHlc: SERVER_HLC } });

    const result = await syncOnce({ store, transport, now });

    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad_response' } });
    expect(transport.pushes).toHaveLength(1);
  });

  it('stops pulling when the server announces more but the cursor does not move', async () => {
    const store = fakeLocalStore();
    const transport = fakeTransport();
    transport.pullAnswers.push(pullPage('c1', true), pullPage('c1', true));

    const result = await syncOnce({ store, transport, now });

    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad_response' } });
    expect(transport.pulls).toHaveLength(2);
  });
});
