import { describe, expect, it } from 'vitest';
import { SYNC_SCHEMA_VERSION, type PushRequest } from '../../../src/contract';
import { formatHlc } from '../../../src/core/hlc';
import { createTransport } from '../../../src/sync/transport';

const PUSH: PushRequest = { clientId: 'device0001', schemaVersion: SYNC_SCHEMA_VERSION, mutations: [] };
const SERVER_HLC = formatHlc(5_000, 0, 'server');

function json(status: number, body: unknown, contentType = 'application/json; charset=utf-8'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}

function errorBody(code: string, details?: object) {
  return { error: { code, message: `it is ${code}`, ...(details ? { details } : {}) } };
}

function transportAnswering(answer: () => Response | Promise<Response>) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(url), init: init ?? {} });
    return answer();
  };
  return { transport: createTransport({ baseUrl: 'http://api.test', fetch: fetch as typeof globalThis.fetch }), requests };
}

describe('sync transport', () => {
  it('posts JSON with the CSRF header and same-origin credentials to the push endpoint', async () => {
    const { transport, requests } = transportAnswering(() => json(200, { lastMutationId: 0, results: [], serverHlc: SERVER_HLC }));

    const result = await transport.push(PUSH);

    expect(result).toEqual({ ok: true, value: { lastMutationId: 0, results: [], serverHlc: SERVER_HLC } });
    const [request] = requests;
    expect(request?.url).toBe('http://api.test/api/v1/sync/push');
    expect(request?.init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(request?.init.headers).toMatchObject({ 'x-requested-with': 'favorites', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(request?.init.body))).toEqual(PUSH);
  });

  it('parses a pull page with the contract schema', async () => {
    const page = {
      cursor: 'c',
      changes: [],
      hasMore: false,
      spaces: { added: ['u:me'], removed: [] },
      lastMutationId: 3,
      serverHlc: SERVER_HLC,
    };
    const { transport, requests } = transportAnswering(() => json(200, page));

    const result = await transport.pull({ clientId: 'device0001', schemaVersion: SYNC_SCHEMA_VERSION, cursor: null });

    expect(result).toEqual({ ok: true, value: page });
    expect(requests[0]?.url).toBe('http://api.test/api/v1/sync/pull');
  });

  it("treats a captive portal's HTML 200 as a bad response, not an acknowledgement", async () => {
    const { transport } = transportAnswering(
      () => new Response('<html>portal</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    expect(await transport.push(PUSH)).toMatchObject({ ok: false, failure: { kind: 'bad_response', status: 200 } });
  });

  it('treats a JSON 200 the schema refuses, or malformed JSON, as a bad response', async () => {
    const wrongShape = transportAnswering(() => json(200, { ok: true }));
    expect(await wrongShape.transport.push(PUSH)).toMatchObject({ ok: false, failure: { kind: 'bad_response' } });
    const malformed = transportAnswering(() => new Response('{"lastMut', { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(await malformed.transport.push(PUSH)).toMatchObject({ ok: false, failure: { kind: 'bad_response' } });
  });

  it('reports offline when fetch throws', async () => {
    const { transport } = transportAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await transport.push(PUSH)).toEqual({ ok: false, failure: { kind: 'offline', message: 'Failed to fetch' } });
  });

  it.each([
    [json(401, errorBody('unauthenticated')), { kind: 'unauthenticated' }],
    [json(409, errorBody('conflict', { lastMutationId: 7 })), { kind: 'gap', lastMutationId: 7 }],
    [json(426, errorBody('upgrade_required', { schemaVersion: 2 })), { kind: 'upgrade' }],
    [json(503, errorBody('unavailable')), { kind: 'server', status: 503 }],
    [new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }), { kind: 'server', status: 502 }],
    [json(500, { nonsense: true }), { kind: 'server', status: 500 }],
    [json(403, errorBody('forbidden')), { kind: 'client', status: 403, code: 'forbidden' }],
    [json(409, errorBody('conflict')), { kind: 'client', status: 409, code: 'conflict' }],
    [json(400, errorBody('validation_failed')), { kind: 'client', status: 400, code: 'validation_failed' }],
  ])('classifies an error answer (%#) by its status', async (response, expected) => {
    const { transport } = transportAnswering(() => response);
    expect(await transport.push(PUSH)).toMatchObject({ ok: false, failure: expected });
  });
});
