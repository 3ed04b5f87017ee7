/**
 * Whether this process is a worker of our own primary, which worker, and the instance name it
 * answers as. The name reaches the server's HLC clock id (`server-<name>`, serverClockId), and
 * two processes stamping writes must never share a clock id, so every worker gets its own:
 * `w1`, `w2`, … or `<INSTANCE_NAME>-w1`, ….
 */
import cluster from 'node:cluster';

/** Set by the primary on each worker it forks: the worker's number, from 1. */
export const WORKER_NUMBER_VARIABLE = 'FAVORITES_WORKER_NUMBER';

/**
 * serverClockId keeps 64 characters of `server-<name>`: a longer name would lose its `-wN`
 * suffix there and collide, so the base is shortened to fit instead.
 */
const NAME_MAX_LENGTH = 64 - 'server-'.length;

/**
 * A worker forked by runPrimary: its pokes and metrics go through that primary. A cluster worker
 * of some other primary (a process manager's cluster mode) is a lone server as far as we know:
 * nothing would relay its messages.
 */
export function isServerWorker(env: NodeJS.ProcessEnv = process.env): boolean {
  return cluster.isWorker && env[WORKER_NUMBER_VARIABLE] !== undefined;
}

export function workerInstanceName(base: string | null, workerNumber: number): string {
  const suffix = `w${workerNumber}`;
  if (!base) return suffix;
  return `${base.slice(0, NAME_MAX_LENGTH - suffix.length - 1)}-${suffix}`;
}

/** This worker's number, as the primary set it; throws when it is missing (not forked by runPrimary). */
export function workerNumberFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const number = Number(env[WORKER_NUMBER_VARIABLE]);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${WORKER_NUMBER_VARIABLE} is not set: this worker was not forked by the primary`);
  return number;
}
