/** Starts bench/benchServer.ts in a child process, talks to it over IPC, and stops it. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nextIpcReply } from './ipcReply';
import type { BenchServerReply, BenchServerRequest } from '../benchServer';

const SERVER_ENTRY = fileURLToPath(new URL('../benchServer.ts', import.meta.url));
/** Migrations, catalogue check and listen take well under a second; this is a hang guard. */
const START_TIMEOUT_MS = 60_000;
/** Profiler start and stop (writing a few MB) are quick; this is a hang guard. */
const REQUEST_TIMEOUT_MS = 30_000;
/** After SIGTERM the server drains and closes SQLite; SIGKILL after this. */
const STOP_TIMEOUT_MS = 10_000;

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly pid: number;
  /** Starts V8's CPU profiler in the server. */
  startProfile(): Promise<void>;
  /** Stops it and has the server write the profile (`.cpuprofile` JSON) to `file`. */
  stopProfile(file: string): Promise<void>;
  stop(): Promise<void>;
}


function nextReply<T extends BenchServerReply['type']>(child: ChildProcess, type: T, timeoutMs: number) {
  return nextIpcReply<BenchServerReply, T>(child, type, timeoutMs, 'bench server');
}

export async function startServerProcess(databaseFile: string, staticDir?: string): Promise<RunningServer> {
  const child = fork(SERVER_ENTRY, [databaseFile, ...(staticDir ? [staticDir] : [])], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const send = (request: BenchServerRequest) => child.send(request);

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  try {
    const { port } = await nextReply(child, 'ready', START_TIMEOUT_MS);
    return {
      origin: `http://127.0.0.1:${port}`,
      pid: child.pid!,
      async startProfile() {
        const started = nextReply(child, 'profile-started', REQUEST_TIMEOUT_MS);
        send({ type: 'profile-start' });
        await started;
      },
      async stopProfile(file) {
        const stopped = nextReply(child, 'profile-stopped', REQUEST_TIMEOUT_MS);
        send({ type: 'profile-stop', file });
        await stopped;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
