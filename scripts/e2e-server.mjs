// Starts the real server for the browser tests: the built app, a fresh SQLite file.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'favorites-e2e-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  stdio: 'inherit',
  // DATABASE_URL is cleared: CI sets it for the PostgreSQL tests, and it would switch the server to PostgreSQL.
  env: { ...process.env, DATA_DIR: dataDir, STATIC_DIR: 'dist', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', DATABASE_URL: '' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
