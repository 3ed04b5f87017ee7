import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/tempDir';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** tsx compiling the server, migrations and the catalogue seed: several seconds on a busy 2-core machine. */
const START_TIMEOUT_MS = 30_000;

describe('npm run serve', () => {
  it('creates the data directory, prints where it runs, and exits 0 on SIGTERM', async () => {
    const dataDir = path.join(tempDir(), 'nested', 'data');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      // DATABASE_URL (set for the PostgreSQL tests in CI) would make the server use PostgreSQL.
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, STATIC_DIR: path.join(dataDir, 'no-app'), LOG_LEVEL: 'warn', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let url: string | undefined;
      for await (const line of createInterface({ input: child.stdout! })) {
        url = /^favorites is running at (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)?.[1];
        if (url) break;
      }
      expect(url).toBeDefined();
      expect(existsSync(path.join(dataDir, 'favorites.sqlite'))).toBe(true);
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });

      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, START_TIMEOUT_MS);
});
