/** Shared set-up for contract tests: start a target per `describe`, make clients and accounts. */
import { afterAll, beforeAll, expect } from 'vitest';
import { ErrorBody, type ErrorCode } from '../../src/contract/errors';
import { TestClient, type TestResponse } from './client';
import type { RunningTarget, Target } from './targets';

/** Seeding the catalogue into a fresh database takes a moment on slow machines. */
const TARGET_START_TIMEOUT_MS = 60_000;
export const PASSWORD = 'correct horse battery';

let accounts = 0;

/** Usernames unique within a run, valid for the contract (a-z0-9_-, 3 to 32). */
export function uniqueUsername(prefix = 'user'): string {
  accounts += 1;
  return `${prefix}_${accounts}_${Math.random().toString(36).slice(2, 8)}`;
}

export interface TargetFixture {
  /** A client with no cookies and no token. */
  client(): TestClient;
  /** A client signed in as a new account. */
  signedIn(prefix?: string): Promise<{ client: TestClient; username: string; userId: string }>;
}

export function useTarget(target: Target): TargetFixture {
  let running: RunningTarget | undefined;
  beforeAll(async () => {
    running = await target.start();
  }, TARGET_START_TIMEOUT_MS);
  afterAll(async () => {
    await running?.stop();
  });

  const client = () => {
    if (!running) throw new Error(`target ${target.name} is not running`);
    return new TestClient(running.baseUrl);
  };
  return {
    client,
    async signedIn(prefix) {
      const c = client();
      const username = uniqueUsername(prefix);
      const response = await c.post('/api/v1/auth/signup', { username, password: PASSWORD });
      expect(response.status).toBe(201);
      const userId = (response.body as { user: { id: string } }).user.id;
      return { client: c, username, userId };
    },
  };
}

/** Asserts the contract's error envelope, status and code; returns the parsed body. */
export function expectError(response: TestResponse, status: number, code: ErrorCode): ErrorBody {
  expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { error: { code } } });
  return ErrorBody.parse(response.body);
}
