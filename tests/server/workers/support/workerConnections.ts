/**
 * Reaching a chosen worker of a multi-process server. node:cluster hands each NEW connection to
 * a worker in turn, and a keep-alive connection stays with the worker that accepted it, so a
 * test opens connections until it holds one to every worker (each response names its worker in
 * `x-instance`, the WebSocket upgrade's 101 too), then sends each request on the one it wants.
 */
import http from 'node:http';
import type { ClientOptions } from 'ws';
import { INSTANCE_HEADER } from '../../../../server/app';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../../../src/contract';
import type { TestSocket } from '../../realtime/support/testSocket';

/** Connections opened before giving up on reaching every worker (round robin needs about one each). */
const MAX_ATTEMPTS = 20;

export interface Answer {
  readonly status: number;
  readonly instance: string | undefined;
  readonly body: string;
  json(): unknown;
}

export interface SendOptions {
  readonly headers?: http.OutgoingHttpHeaders;
  /** JSON-encoded, with the content type and the CSRF header a browser client sends. */
  readonly json?: unknown;
  readonly agent?: http.Agent | false;
}

/** One HTTP request with node:http (fetch cannot pin a connection), the body read whole. */
export function send(origin: string, method: string, path: string, options: SendOptions = {}): Promise<Answer> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, origin), {
      method,
      agent: options.agent,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE }),
        ...options.headers,
      },
    });
    request.once('error', reject);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', reject);
      response.once('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({
          status: response.statusCode ?? 0,
          instance: response.headers[INSTANCE_HEADER] as string | undefined,
          body: text,
          json: () => JSON.parse(text) as unknown,
        });
      });
    });
    request.end(body);
  });
}

/** A keep-alive connection to one worker. */
export interface WorkerConnection {
  readonly instance: string;
  /** Fails when another worker answered (the connection was lost and reopened elsewhere). */
  send(method: string, path: string, options?: Omit<SendOptions, 'agent'>): Promise<Answer>;
  close(): void;
}

/** One open connection to each of `instances`, by instance name. */
export async function connectionsToEveryWorker(origin: string, instances: readonly string[]): Promise<Map<string, WorkerConnection>> {
  const found = new Map<string, WorkerConnection>();
  for (let attempt = 0; attempt < MAX_ATTEMPTS && found.size < instances.length; attempt++) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const { instance } = await send(origin, 'GET', '/healthz', { agent });
    if (instance === undefined || found.has(instance) || !instances.includes(instance)) {
      agent.destroy();
      continue;
    }
    found.set(instance, {
      instance,
      async send(method, path, options = {}) {
        const answer = await send(origin, method, path, { ...options, agent });
        if (answer.instance !== instance) throw new Error(`expected ${instance} to answer ${method} ${path}, ${answer.instance} did`);
        return answer;
      },
      close: () => agent.destroy(),
    });
  }
  if (found.size < instances.length) {
    for (const connection of found.values()) connection.close();
    throw new Error(`reached only ${[...found.keys()].join(', ')} of ${instances.join(', ')} in ${MAX_ATTEMPTS} connections`);
  }
  return found;
}

/** Opens sockets (through `open`, which closes them after the test) until one is held by each of `instances`. */
export async function socketsOnEveryWorker(
  open: (url: string, options?: ClientOptions) => Promise<TestSocket>,
  wsUrl: string,
  headers: Record<string, string>,
  instances: readonly string[],
): Promise<Map<string, TestSocket>> {
  const found = new Map<string, TestSocket>();
  for (let attempt = 0; attempt < MAX_ATTEMPTS && found.size < instances.length; attempt++) {
    let instance: string | undefined;
    const socket = await open(wsUrl, {
      headers,
      finishRequest: (request) => {
        request.once('upgrade', (response: http.IncomingMessage) => {
          instance = response.headers[INSTANCE_HEADER] as string | undefined;
        });
        request.end();
      },
    });
    if (instance !== undefined && !found.has(instance)) found.set(instance, socket);
  }
  if (found.size < instances.length) throw new Error(`sockets reached only ${[...found.keys()].join(', ')} of ${instances.join(', ')}`);
  return found;
}
