/**
 * pouchdb-server 4 (express-pouchdb over PouchDB's LevelDB adapter, its default: leveldown
 * files on disk, as our server keeps SQLite on disk) in its own process on 127.0.0.1, like
 * our server in the sync part. Started from its own CLI in a scratch directory (it writes
 * config.json and log.txt into its working directory), stdout logging off.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { PEER_DIR } from './ensurePeerInstalled';

const SERVER_BIN = path.join(PEER_DIR, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
/** It answers within a second or two; this is a hang guard. */
const START_TIMEOUT_MS = 60_000;
const READY_POLL_MS = 100;
const STOP_TIMEOUT_MS = 10_000;

export interface RunningPouchServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  stop(): Promise<void>;
}

class PouchServerError extends Error {
  override readonly name = 'PouchServerError';
}

/** A port free right now (the server binds it a moment later; loopback, nothing else races for it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new PouchServerError('no port'))));
    });
  });
}

async function answers(origin: string): Promise<boolean> {
  try {
    return (await fetch(`${origin}/`)).ok;
  } catch {
    return false;
  }
}

export async function startPouchServer(workDir: string): Promise<RunningPouchServer> {
  const dataDir = path.join(workDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [SERVER_BIN, '--host', '127.0.0.1', '--port', String(port), '--dir', dataDir, '--config', path.join(workDir, 'config.json'), '--no-stdout-logs'],
    { cwd: workDir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never outlive the benchmark, whatever way it ends.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await answers(origin))) {
    if (child.exitCode !== null) throw new PouchServerError(`pouchdb-server exited (code ${child.exitCode}) before answering`);
    if (Date.now() > deadline) {
      await stop();
      throw new PouchServerError(`pouchdb-server did not answer on ${origin} within ${START_TIMEOUT_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  return { origin, stop };
}
