/** What a reader needs to judge the figures: the machine and the versions that produced them. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import { cpuProbeMs } from './cpuProbe';

export interface MachineFacts {
  /** `nproc`: the CPUs this process may use. */
  readonly nproc: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly sqlite: string;
  /** cpuProbe.ts: a fixed JavaScript workload's time on this host now. */
  readonly cpuProbeMs: number;
}

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return os.availableParallelism();
  }
}

function sqliteVersion(): string {
  const db = new BetterSqlite3(':memory:');
  try {
    return String(db.prepare('select sqlite_version()').pluck().get());
  } finally {
    db.close();
  }
}

export function machineFacts(): MachineFacts {
  return {
    nproc: nproc(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite: sqliteVersion(),
    cpuProbeMs: cpuProbeMs(),
  };
}
