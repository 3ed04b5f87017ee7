/**
 * The user-mix server as `server/main.ts` with WORKERS=<n> (a primary and n worker processes on
 * one SQLite file), behind the same interface as the single process (userMixServerProcess.ts).
 * What only exists inside one process is not measured here: the event-loop delay, the V8 heap,
 * the sockets held (NaN) and a CPU profile (`profiles: false`); CPU and RSS are the whole process
 * tree's, from /proc.
 */
import { processTreeCpuMs, processTreeRssBytes } from './processCpu';
import type { UserMixServer } from './userMixServerProcess';
import { startWorkersServer } from './workersServer';

export async function startUserMixWorkers(databaseFile: string, workers: number, workDir: string): Promise<UserMixServer> {
  const server = await startWorkersServer('users-workers', databaseFile, workers, workDir);
  const pid = server.child.pid!;
  const { hostname, port } = new URL(server.origin);
  return {
    host: hostname,
    port: Number(port),
    pid,
    profiles: false,
    async stats() {
      return {
        cpuMs: processTreeCpuMs(pid) ?? Number.NaN,
        rssBytes: processTreeRssBytes(pid) ?? Number.NaN,
        heapUsedBytes: Number.NaN,
        loopDelayP99Ms: Number.NaN,
        loopDelayMaxMs: Number.NaN,
        openSockets: Number.NaN,
      };
    },
    async startProfile() {
      throw new Error('no CPU profile of a WORKERS server (profile the single process)');
    },
    async stopProfile() {
      throw new Error('no CPU profile of a WORKERS server (profile the single process)');
    },
    async stop() {
      await server.stop();
    },
  };
}
