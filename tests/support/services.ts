/**
 * The external services the scale-out tier's tests need (PostgreSQL, Redis). Tests read
 * DATABASE_URL / REDIS_URL, defaulting to this machine's services. When one does not answer:
 * in CI (`CI=true`, where .ci/run has started them) the tests fail; elsewhere they are skipped
 * and a line says which and why, so `npm test` never passes in silence without them.
 */
import { Socket } from 'node:net';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface ServiceProbe {
  readonly name: string;
  readonly url: string;
  /** True when a TCP connection to the service's host and port succeeded. */
  readonly available: boolean;
}

function tcpReachable(url: string, timeoutMs = 1_000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port), hostname.replace(/^\[|\]$/g, ''), () => done(true));
  });
}

async function probe(name: string, url: string): Promise<ServiceProbe> {
  const available = await tcpReachable(url);
  if (!available) {
    if (process.env.CI === 'true') throw new Error(`${name} is required in CI but does not answer at ${url}`);
    console.warn(`[skipped] ${name} tests: ${name} does not answer at ${url} (set ${name === 'PostgreSQL' ? 'DATABASE_URL' : 'REDIS_URL'} or start it)`);
  }
  return { name, url, available };
}

export function postgresUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function redisUrl(): string {
  return process.env.REDIS_URL || DEFAULT_REDIS_URL;
}

/** Use with top-level await: `const pg = await probePostgres(); describe.skipIf(!pg.available)(…)`. */
export function probePostgres(): Promise<ServiceProbe> {
  return probe('PostgreSQL', postgresUrl());
}

export function probeRedis(): Promise<ServiceProbe> {
  return probe('Redis', redisUrl());
}
