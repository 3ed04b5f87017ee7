/**
 * A small reverse proxy for the local cluster (`npm run start:cluster`): one address in front
 * of several server instances, round robin, WebSockets included. A demonstration of the tier,
 * not a production load balancer (use nginx, HAProxy or the platform's in production;
 * docs/operations.md).
 *
 * - Requests: hop-by-hop headers are dropped both ways; X-Forwarded-For is SET to the client's
 *   address, not appended to: this proxy is the edge, and a client must not choose the IP the
 *   servers throttle logins by. X-Forwarded-Proto and -Host say what the client asked for.
 * - Bodies are read whole first (they are small: the API's limit is 1 MiB), so a request whose
 *   instance refuses the connection (stopped, restarting) is sent to the next one instead of
 *   failing: a rolling restart behind the proxy costs clients nothing. An instance that refused
 *   is skipped for UPSTREAM_DOWN_MS.
 * - One upstream connection per request (no keep-alive pool): a pooled connection that an
 *   instance closes while stopping would fail the next request sent on it with a reset, which
 *   unlike a refused connection cannot be retried safely. On loopback a connect costs ~0.1 ms.
 * - WebSocket upgrades are forwarded as HTTP requests; on 101 the two sockets are piped raw.
 *   Any other answer (401, 503) goes back to the client as it came.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface Upstream {
  readonly host: string;
  readonly port: number;
}

/** Larger request bodies get 413 from the proxy (the API's own limit is 1 MiB). */
export const PROXY_BODY_MAX_BYTES = 2 * 1024 * 1024;
/** An instance that refused a connection is skipped this long. */
export const UPSTREAM_DOWN_MS = 1_000;

/** RFC 9110 §7.6.1, plus the non-standard ones still seen. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

export interface ReverseProxy {
  /** Resolves with `http://host:port` once listening. */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, ends keep-alive connections, cuts piped sockets. */
  close(): Promise<void>;
}

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const out: OutgoingHttpHeaders = { ...headers };
  for (const name of [...HOP_BY_HOP, ...named]) delete out[name];
  return out;
}

function forwardedHeaders(request: IncomingMessage, upgrade: boolean): OutgoingHttpHeaders {
  const headers = withoutHopByHop(request.headers);
  headers['x-forwarded-for'] = request.socket.remoteAddress ?? '';
  headers['x-forwarded-proto'] = 'http';
  if (request.headers.host) headers['x-forwarded-host'] = request.headers.host;
  if (upgrade) {
    headers.connection = 'upgrade';
    headers.upgrade = request.headers.upgrade ?? 'websocket';
  }
  return headers;
}

function errorBody(message: string): string {
  return JSON.stringify({ error: { code: 'unavailable', message } });
}

function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > PROXY_BODY_MAX_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function createReverseProxy(upstreams: readonly Upstream[]): ReverseProxy {
  if (upstreams.length === 0) throw new Error('a reverse proxy needs at least one upstream');
  const agent = new http.Agent({ keepAlive: false });
  let next = 0;
  const downUntil = new Map<Upstream, number>();
  const piped = new Set<Duplex>();

  /** Round robin over the instances, starting with one not known to be down. */
  function order(): Upstream[] {
    const start = next++ % upstreams.length;
    const rotated = [...upstreams.slice(start), ...upstreams.slice(0, start)];
    const now = Date.now();
    const up = rotated.filter((upstream) => (downUntil.get(upstream) ?? 0) <= now);
    return [...up, ...rotated.filter((upstream) => !up.includes(upstream))];
  }

  /** Sends the request to each instance in turn until one accepts the connection. */
  function send(
    candidates: Upstream[],
    options: http.RequestOptions,
    body: Buffer | null,
    attach: (request: http.ClientRequest) => void,
    fail: (error: Error) => void,
  ): void {
    const [upstream, ...rest] = candidates;
    if (!upstream) {
      fail(new Error('no instance accepted the connection'));
      return;
    }
    const request = http.request({ ...options, host: upstream.host, port: upstream.port, agent });
    attach(request);
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') {
        downUntil.set(upstream, Date.now() + UPSTREAM_DOWN_MS);
        send(rest, options, body, attach, fail);
      } else {
        fail(error);
      }
    });
    request.end(body ?? undefined);
  }

  const server = http.createServer(async (request, response) => {
    let body: Buffer | null;
    try {
      body = await readBody(request);
    } catch {
      response.destroy();
      return;
    }
    if (body === null) {
      response.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end(errorBody('Request body too large'));
      return;
    }
    const headers = forwardedHeaders(request, false);
    // The body is whole now: its length, not the client's framing (chunked is hop-by-hop).
    if (body.length > 0 || headers['content-length'] !== undefined) headers['content-length'] = body.length;
    const options = { method: request.method, path: request.url, headers };
    send(
      order(),
      options,
      body,
      (upstreamRequest) => {
        upstreamRequest.on('response', (upstreamResponse) => {
          response.writeHead(upstreamResponse.statusCode ?? 502, withoutHopByHop(upstreamResponse.headers));
          upstreamResponse.pipe(response);
        });
        response.on('close', () => {
          if (!response.writableFinished) upstreamRequest.destroy();
        });
      },
      () => {
        if (response.headersSent) response.destroy();
        else response.writeHead(502, { 'content-type': 'application/json' }).end(errorBody('No server instance answered'));
      },
    );
  });

  server.on('upgrade', (request: IncomingMessage, client: Duplex, head: Buffer) => {
    client.on('error', () => client.destroy());
    const options = { method: request.method, path: request.url, headers: forwardedHeaders(request, true) };
    send(
      order(),
      options,
      null,
      (upstreamRequest) => {
        upstreamRequest.on('upgrade', (upstreamResponse: IncomingMessage, upstream: Socket, upstreamHead: Buffer) => {
          client.write(statusLine(upstreamResponse) + rawHeaderLines(upstreamResponse.rawHeaders) + '\r\n');
          if (upstreamHead.length > 0) client.write(upstreamHead);
          if (head.length > 0) upstream.write(head);
          pipeBoth(client, upstream);
        });
        // Refused (401 without a session, 503 while an instance stops): the answer as it came.
        upstreamRequest.on('response', (upstreamResponse) => {
          const kept = pairsOf(upstreamResponse.rawHeaders).filter(([name]) => !isFramingHeader(name));
          client.write(statusLine(upstreamResponse) + rawHeaderLines(kept.flat()) + 'Connection: close\r\n\r\n');
          upstreamResponse.pipe(client);
        });
      },
      () => {
        client.end(`HTTP/1.1 502 Bad Gateway\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n${errorBody('No server instance answered')}`);
      },
    );
  });

  function pipeBoth(a: Duplex, b: Duplex): void {
    piped.add(a);
    piped.add(b);
    const end = () => {
      a.destroy();
      b.destroy();
      piped.delete(a);
      piped.delete(b);
    };
    a.on('error', end).on('close', end);
    b.on('error', end).on('close', end);
    a.pipe(b);
    b.pipe(a);
  }

  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of piped) socket.destroy();
      });
    },
  };
}

function statusLine(response: IncomingMessage): string {
  return `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`;
}

function rawHeaderLines(raw: readonly string[]): string {
  let lines = '';
  for (let i = 0; i < raw.length; i += 2) lines += `${raw[i]}: ${raw[i + 1]}\r\n`;
  return lines;
}

/** Headers that describe the upstream connection's framing, which the raw relay does not keep. */
function isFramingHeader(name: string): boolean {
  return ['connection', 'keep-alive', 'transfer-encoding'].includes(name.toLowerCase());
}

function pairsOf(raw: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}
