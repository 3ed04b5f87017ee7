/**
 * A scripted Transport: each call takes the next answer from a queue (or a default), and records
 * the request. `hold()` makes the next call wait until released, to observe a pass in flight.
 */
import { formatHlc } from '../../../src/core/hlc';
import type { PullRequest, PullResponse, PushRequest, PushResponse } from '../../../src/contract';
import type { SyncFailure } from '../../../src/sync/SyncFailure';
import type { Transport, TransportResult } from '../../../src/sync/transport';

export const SERVER_HLC = formatHlc(5_000, 0, 'server');

type Answer<Req, Res> = TransportResult<Res> | ((request: Req) => TransportResult<Res>);

export interface FakeTransport extends Transport {
  readonly pushes: PushRequest[];
  readonly pulls: PullRequest[];
  readonly pushAnswers: Answer<PushRequest, PushResponse>[];
  readonly pullAnswers: Answer<PullRequest, PullResponse>[];
  /** The next call (push or pull) waits until the returned function is called. */
  hold(): () => void;
}

/** Acknowledges the whole batch, every mutation applied. */
export function ackAll(request: PushRequest): TransportResult<PushResponse> {
  const last = request.mutations.at(-1)?.id ?? 0;
  return {
    ok: true,
    value: { lastMutationId: last, results: request.mutations.map((m) => ({ id: m.id, status: 'applied' })), serverHlc: SERVER_HLC },
  };
}

export function pullPage(cursor: string, hasMore = false): TransportResult<PullResponse> {
  return {
    ok: true,
    value: { cursor, changes: [], hasMore, spaces: { added: [], removed: [] }, lastMutationId: 0, serverHlc: SERVER_HLC },
  };
}

export function failure(failure: SyncFailure): TransportResult<never> {
  return { ok: false, failure };
}

export function fakeTransport(): FakeTransport {
  let held: Promise<void> | null = null;
  const wait = async () => {
    const gate = held;
    held = null;
    if (gate) await gate;
  };
  const answer = <Req, Res>(queue: Answer<Req, Res>[], request: Req, fallback: (request: Req) => TransportResult<Res>) => {
    const next = queue.shift() ?? fallback;
    return typeof next === 'function' ? next(request) : next;
  };
  const transport: FakeTransport = {
    pushes: [],
    pulls: [],
    pushAnswers: [],
    pullAnswers: [],
    hold() {
      let release!: () => void;
      held = new Promise((resolve) => (release = resolve));
      return release;
    },
    async push(request) {
      transport.pushes.push(request);
      await wait();
      return answer(transport.pushAnswers, request, ackAll);
    },
    async pull(request) {
      transport.pulls.push(request);
      await wait();
      return answer(transport.pullAnswers, request, () => pullPage('c1'));
    },
  };
  return transport;
}
