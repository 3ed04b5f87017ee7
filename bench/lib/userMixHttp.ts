/**
 * The load generator's HTTP: node:http over one keep-alive agent per simulated user (each
 * device has its own connections, as real ones do), a bearer session token (API clients skip
 * the CSRF header with it), and the time from sending the request to the last byte of the body.
 * Cheaper per request than fetch, so the generator is less likely to be the bottleneck.
 */
import http from 'node:http';

/** A response slower than this is a timeout (an error), not a latency sample. */
const REQUEST_TIMEOUT_MS = 10_000;

export interface TimedResponse {
  /** 0 when the request failed without a response (socket error or timeout). */
  readonly status: number;
  readonly body: string;
  readonly ms: number;
  /** The socket error or timeout, when status is 0. */
  readonly error?: string;
}

export interface UserHttp {
  request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<TimedResponse>;
  close(): void;
}

export function userHttp(host: string, port: number, token: string): UserHttp {
  // Two sockets: the loop's request and a poke's pull may be in flight together.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const authorization = `Bearer ${token}`;
  return {
    request(method, path, body) {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: http.OutgoingHttpHeaders = { authorization };
      if (payload !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(payload);
      }
      return new Promise((resolve) => {
        const started = performance.now();
        let settled = false;
        const settle = (response: Omit<TimedResponse, 'ms'>) => {
          if (settled) return;
          settled = true;
          resolve({ ...response, ms: performance.now() - started });
        };
        const req = http.request({ host, port, method, path, agent, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => settle({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (error) => settle({ status: 0, body: '', error: error.message }));
        });
        req.on('timeout', () => req.destroy(new Error(`no response within ${REQUEST_TIMEOUT_MS} ms`)));
        req.on('error', (error) => settle({ status: 0, body: '', error: error.message }));
        req.end(payload);
      });
    },
    close() {
      agent.destroy();
    },
  };
}
