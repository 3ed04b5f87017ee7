/**
 * One server instance of the local cluster as a child process (`server/main.ts`): started with
 * its own PORT and INSTANCE_NAME, ready when it prints its address, its output prefixed with its
 * name, stopped with SIGTERM (it drains: sockets closed with 1012, pushes in flight finished).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Migrations and the catalogue seed take a few seconds on a fresh database; this is a hang guard. */
const START_TIMEOUT_MS = 60_000;
/** main.ts gives requests in flight 10 s after SIGTERM; SIGKILL after this. */
const STOP_TIMEOUT_MS = 15_000;
const READY_LINE = /^favorites is running at (http:\/\/\S+)$/;

export interface InstanceProcess {
  readonly name: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly child: ChildProcess;
  /** SIGTERM, then waits for the exit (SIGKILL after STOP_TIMEOUT_MS); resolves with the exit code. */
  stop(): Promise<number | null>;
}

function prefixLines(input: Readable, output: Writable, prefix: string, onLine?: (line: string) => void): void {
  createInterface({ input }).on('line', (line) => {
    onLine?.(line);
    output.write(`${prefix} ${line}\n`);
  });
}

export async function startInstance(name: string, port: number, env: NodeJS.ProcessEnv): Promise<InstanceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), INSTANCE_NAME: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    prefixLines(child.stdout!, process.stdout, `[${name}]`, (line) => {
      const url = READY_LINE.exec(line)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve(url);
    });
    prefixLines(child.stderr!, process.stderr, `[${name}]`);
    void exited.then(([code, signal]) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited while starting (code ${code}, signal ${signal})`));
    });
  }).catch((error: unknown) => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    throw error;
  });

  return {
    name,
    origin,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const [code] = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
