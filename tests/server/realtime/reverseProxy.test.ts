import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createReverseProxy, type ReverseProxy, type Upstream } from '../../../scripts/cluster/reverseProxy';
import { ErrorBody } from '../../../src/contract';
import { HttpUser } from './support/httpClient';
import { startServer } from './support/realtimeServer';
import { refusedUpgrade, TestSocket } from './support/testSocket';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Echoed {
  readonly instance: string;
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** An upstream that answers every request with what it received, and hop-by-hop headers of its own. */
async function echoUpstream(instance: string): Promise<Upstream> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const echoed: Echoed = { instance, method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString() };
      response.writeHead(200, [
        ['content-type', 'application/json'],
        ['x-instance', instance],
        ['set-cookie', 'a=1'],
        ['set-cookie', 'b=2'],
        ['connection', 'keep-alive, x-upstream-hop'],
        ['x-upstream-hop', 'private'],
      ].flat());
      response.end(JSON.stringify(echoed));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { host: '127.0.0.1', port: (server.address() as AddressInfo).port };
}

/** A port nothing listens on (bound, then released). */
async function deadUpstream(): Promise<Upstream> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { host: '127.0.0.1', port };
}

async function proxyTo(upstreams: Upstream[]): Promise<string> {
  const proxy: ReverseProxy = createReverseProxy(upstreams);
  const origin = await proxy.listen(0, '127.0.0.1');
  cleanups.push(() => proxy.close());
  return origin;
}

describe('the cluster reverse proxy', () => {
  it('sends requests to the instances in turn', async () => {
    const origin = await proxyTo([await echoUpstream('one'), await echoUpstream('two')]);
    const answered = [];
    for (let i = 0; i < 4; i++) answered.push((await fetch(`${origin}/healthz`)).headers.get('x-instance'));
    expect(answered).toEqual(['one', 'two', 'one', 'two']);
  });

  it('forwards method, path, body and end-to-end headers; drops hop-by-hop ones both ways; sets X-Forwarded-*', async () => {
    const origin = await proxyTo([await echoUpstream('one')]);
    const { host } = new URL(origin);
    const response = await new Promise<http.IncomingMessage & { text?: string }>((resolve, reject) => {
      const request = http.request(`${origin}/api/v1/sync/push?x=1`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: 'favorites_session=abc',
          authorization: 'Bearer t',
          connection: 'keep-alive, x-client-hop',
          'x-client-hop': 'private',
          'proxy-authorization': 'Basic secret',
          te: 'trailers',
          // Spoofed: the proxy is the edge, so it replaces this with the real peer address.
          'x-forwarded-for': '6.6.6.6',
        },
      });
      request.on('response', resolve).on('error', reject);
      request.end('{"hello":"world"}');
    });
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    const echoed = JSON.parse(Buffer.concat(chunks).toString()) as Echoed;

    expect(echoed).toMatchObject({ method: 'POST', url: '/api/v1/sync/push?x=1', body: '{"hello":"world"}' });
    expect(echoed.headers).toMatchObject({
      cookie: 'favorites_session=abc',
      authorization: 'Bearer t',
      'content-length': '17',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': host,
    });
    for (const hop of ['x-client-hop', 'proxy-authorization', 'te']) expect(echoed.headers).not.toHaveProperty(hop);
    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(response.headers['x-upstream-hop']).toBeUndefined();
  });

  it('sends a request to the next instance when one refuses connections, and answers 502 when all do', async () => {
    const alive = await echoUpstream('alive');
    const origin = await proxyTo([await deadUpstream(), alive]);
    for (let i = 0; i < 3; i++) expect((await fetch(`${origin}/x`, { method: 'POST', body: 'b' })).headers.get('x-instance')).toBe('alive');

    const nowhere = await proxyTo([await deadUpstream()]);
    const response = await fetch(`${nowhere}/healthz`);
    expect(response.status).toBe(502);
    expect(ErrorBody.parse(await response.json()).error.code).toBe('unavailable');
  });

  it('relays WebSockets both ways, and a refused upgrade as it came', async () => {
    const server = await startServer();
    cleanups.push(() => server.close());
    const { port } = new URL(server.origin);
    const origin = await proxyTo([{ host: '127.0.0.1', port: Number(port) }]);
    const wsUrl = `${origin.replace(/^http/, 'ws')}/api/v1/sync/ws`;

    const refusal = await refusedUpgrade(wsUrl);
    expect(refusal.status).toBe(401);
    expect(ErrorBody.parse(refusal.body).error.code).toBe('unauthenticated');

    const user = await HttpUser.signup(origin);
    const socket = await TestSocket.open(wsUrl, { headers: user.cookie });
    socket.send(JSON.stringify({ type: 'ping' }));
    await socket.next('pong');
    await user.save((await user.articleIds(1))[0]!);
    expect(await socket.next('poke')).toMatchObject({ version: 1 });
    await socket.close();
  }, 30_000); // starts its own server (migrations, catalogue seed)
});
