/**
 * `process_memory_limit_bytes`: the memory this process may use, so an alert can compare
 * `process_resident_memory_bytes` with it without knowing where the process runs. It is the
 * cgroup limit when there is one (a container's `--memory`, systemd's `MemoryMax=`), else the
 * machine's total memory. Node reports "no limit" as a huge number (2^64) or undefined, hence
 * the minimum with the machine's memory. The workers of one server (`WORKERS`) share that limit,
 * so /metrics aggregates their values with `max` (one number), not summed like their memory.
 */
import { totalmem } from 'node:os';
import { Gauge, type Registry } from 'prom-client';

export function memoryLimitBytes(): number {
  const constrained = process.constrainedMemory?.() ?? 0;
  const machine = totalmem();
  return constrained > 0 ? Math.min(constrained, machine) : machine;
}

export function registerMemoryLimitGauge(registry: Registry): void {
  new Gauge({
    name: 'process_memory_limit_bytes',
    help: 'Memory this process may use: its cgroup (container) limit, else the machine total.',
    registers: [registry],
    aggregator: 'max',
    collect() {
      this.set(memoryLimitBytes());
    },
  });
}
