/** Starts bench/lib/userMixServer.ts in a child process on either database, asks it over IPC, and stops it. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nextIpcReply } from './ipcReply';
import type { BenchDatabase } from './benchDatabase';
import type { UserMixServerReply, UserMixServerRequest, UserMixServerStats } from './userMixServer';

const SERVER_ENTRY = fileURLToPath(new URL('./userMixServer.ts', import.meta.url));
/** Migrations, the catalogue check and listen take seconds at most; this is a hang guard. */
const START_TIMEOUT_MS = 60_000;
/** A stats answer or a profile write under load; a hang guard. */
const REQUEST_TIMEOUT_MS = 30_000;
/** After SIGTERM the server closes sockets and the database; SIGKILL after this. */
const STOP_TIMEOUT_MS = 10_000;

export interface UserMixServer {
  /** `127.0.0.1:<port>` */
  readonly host: string;
  readonly port: number;
  readonly pid: number;
  /** Whether startProfile/stopProfile work (one process: yes). */
  readonly profiles: boolean;
  stats(): Promise<UserMixServerStats>;
  startProfile(): Promise<void>;
  /** Stops the profiler; the server writes the `.cpuprofile` JSON to `file`. */
  stopProfile(file: string): Promise<void>;
  stop(): Promise<void>;
}


function nextReply<T extends UserMixServerReply['type']>(child: ChildProcess, type: T, timeoutMs: number) {
  return nextIpcReply<UserMixServerReply, T>(child, type, timeoutMs, 'user-mix server');
}

export async function startUserMixServer(database: BenchDatabase): Promise<UserMixServer> {
  const child = fork(SERVER_ENTRY, [JSON.stringify(database)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ask = async <T extends UserMixServerReply['type']>(request: UserMixServerRequest, type: T) => {
    const answered = nextReply(child, type, REQUEST_TIMEOUT_MS);
    child.send(request);
    return answered;
  };
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
      host: '127.0.0.1',
      port,
      pid: child.pid!,
      profiles: true,
      async stats() {
        const { type: _type, ...stats } = await ask({ type: 'stats' }, 'stats');
        return stats;
      },
      async startProfile() {
        await ask({ type: 'profile-start' }, 'profile-started');
      },
      async stopProfile(file) {
        await ask({ type: 'profile-stop', file }, 'profile-stopped');
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
