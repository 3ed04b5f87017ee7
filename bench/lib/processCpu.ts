/**
 * CPU time another process has used so far (user + system), read from /proc on Linux: tells
 * whether a server under load is CPU-bound (one busy core) or waiting on something else.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** /proc/<pid>/stat fields 14 and 15 (1-based): utime and stime, in clock ticks. */
const UTIME_FIELD = 14;
const STIME_FIELD = 15;
const FALLBACK_TICKS_PER_SECOND = 100;
/** Linux x86-64 and arm64 page size (statm counts pages). */
const PAGE_BYTES = 4096;

let ticksPerSecond: number | undefined;

function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || FALLBACK_TICKS_PER_SECOND;
    } catch {
      ticksPerSecond = FALLBACK_TICKS_PER_SECOND;
    }
  }
  return ticksPerSecond;
}

/** Milliseconds of CPU the process has used; null where /proc is unavailable. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; fields after it are space-separated.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const offset = 3; // fields[0] is field 3 (state)
    const ticks = Number(fields[UTIME_FIELD - offset]) + Number(fields[STIME_FIELD - offset]);
    return Number.isFinite(ticks) ? (ticks / clockTicksPerSecond()) * 1000 : null;
  } catch {
    return null;
  }
}

/** The process's children (pids), from each of its threads' /proc children list; empty where unavailable. */
function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** The process and its living descendants (a WORKERS=N server: the primary and its workers). */
function processTree(pid: number): number[] {
  return [pid, ...childPids(pid).flatMap(processTree)];
}

/**
 * `measure` summed over a process and its living descendants; null where the process itself
 * cannot be read. Children that exited are not counted, so call it while the tree runs
 * (workers live as long as the server).
 */
function treeSum(pid: number, measure: (pid: number) => number | null): number | null {
  const [root, ...descendants] = processTree(pid);
  const own = measure(root!);
  return own === null ? null : descendants.reduce((sum, child) => sum + (measure(child) ?? 0), own);
}

/** Resident memory of one process, bytes (statm field 2: resident pages); null where unavailable. */
function processRssBytes(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
  } catch {
    return null;
  }
}

/** CPU of a process tree, ms (see treeSum). */
export function processTreeCpuMs(pid: number): number | null {
  return treeSum(pid, processCpuMs);
}

/** Resident memory of a process tree, bytes (see treeSum). */
export function processTreeRssBytes(pid: number): number | null {
  return treeSum(pid, processRssBytes);
}
