/**
 * CPU time of every `postgres` process on this machine (server backends, the checkpointer, WAL
 * writer…), from /proc: on PostgreSQL the database's work runs outside the server process, so
 * its CPU must be counted to see whether the machine, not the server, is the limit. Machine-wide:
 * other sessions' queries are included, so the figure is an upper bound.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { processCpuMs } from './processCpu';

/** Milliseconds of CPU all postgres processes have used so far (exited ones are lost); null without /proc. */
export function postgresCpuMs(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  let total = 0;
  for (const pid of pids) {
    let command: string;
    try {
      command = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue; // exited meanwhile
    }
    if (command !== 'postgres') continue;
    total += processCpuMs(Number(pid)) ?? 0;
  }
  return total;
}
