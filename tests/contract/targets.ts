/**
 * The backends the contract suite runs against. Every test file does
 * `describe.each(targets)` so each target must pass the same assertions: the mocks, the real
 * server on SQLite and the real server on PostgreSQL.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockServer } from '../../mocks/node';
import { createServer } from '../../server/app';
import { postgresTestSchema } from '../support/postgresSchema';
import { probePostgres } from '../support/services';

export interface RunningTarget {
  readonly baseUrl: string;
  stop(): Promise<void>;
}

export interface Target {
  readonly name: string;
  /** A fresh backend with an empty user base and the seeded catalogue. */
  start(): Promise<RunningTarget>;
}

/** The MSW handlers intercepting Node's fetch; any host works, this one never resolves for real. */
const msw: Target = {
  name: 'msw',
  async start() {
    const server = createMockServer();
    server.listen({ onUnhandledRequest: 'error' });
    return {
      baseUrl: 'http://mock.test',
      async stop() {
        server.close();
      },
    };
  },
};

/** The real server over real HTTP, on a throwaway SQLite file. */
const server: Target = {
  name: 'server on SQLite',
  async start() {
    const dir = await mkdtemp(join(tmpdir(), 'favorites-contract-'));
    const app = await createServer({ databaseFile: join(dir, 'favorites.sqlite'), logLevel: 'silent', staticDir: null });
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    return {
      baseUrl,
      async stop() {
        await app.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

/** The real server on PostgreSQL, in a fresh schema dropped on stop. */
const serverOnPostgres: Target = {
  name: 'server on PostgreSQL',
  async start() {
    const schema = postgresTestSchema('contract');
    const app = await createServer({ databaseUrl: schema.url, databaseSchema: schema.schema, logLevel: 'silent', staticDir: null });
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    return {
      baseUrl,
      async stop() {
        await app.close();
        await schema.drop();
      },
    };
  },
};

// Left out, with a printed reason, when PostgreSQL does not answer outside CI (services.ts).
const postgres = await probePostgres();

export const targets: readonly Target[] = postgres.available ? [msw, server, serverOnPostgres] : [msw, server];
