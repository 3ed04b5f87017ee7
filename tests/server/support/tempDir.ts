/** Real SQLite files in a fresh temporary directory per test, removed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'favorites-server-test-'));
  made.push(dir);
  return dir;
}

export function tempDatabaseFile(): string {
  return path.join(tempDir(), 'favorites.sqlite');
}
