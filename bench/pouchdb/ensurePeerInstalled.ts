/**
 * The peer's packages live in bench/pouchdb/package.json, never in the app's: pouchdb-server
 * pulls in leveldown and compiles sqlite3 (about a minute here). Installed on first use with
 * `npm ci` from the committed lock file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PEER_DIR = fileURLToPath(new URL('.', import.meta.url));
/** What the part needs; when one is missing the install runs. */
const REQUIRED = ['pouchdb-server', 'pouchdb-browser', 'events'];

class PeerInstallError extends Error {
  override readonly name = 'PeerInstallError';
}

export function ensurePeerInstalled(): void {
  const missing = REQUIRED.filter((name) => !existsSync(path.join(PEER_DIR, 'node_modules', name, 'package.json')));
  if (missing.length === 0) return;
  console.log(`Installing the PouchDB peer into ${PEER_DIR} (missing: ${missing.join(', ')}; about a minute)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--prefix', PEER_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) throw new PeerInstallError(`npm ci in ${PEER_DIR} failed (status ${result.status}, ${result.error?.message ?? 'no error'})`);
}
