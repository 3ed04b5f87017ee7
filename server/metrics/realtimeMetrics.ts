/**
 * WebSocket connections, for the realtime endpoint to report (it calls `opened()` once per
 * accepted socket and `closed(abnormal)` once when it ends). A drop is abnormal when the
 * connection ended without a clean close: close code 1006 (no close frame: network loss, a
 * killed client), or the server terminating it (missed heartbeat, socket error). A client
 * leaving (1000, 1001), a server restart (1012) or a revoked session (4401) are normal.
 */
import { Counter, Gauge, type Registry } from 'prom-client';

export interface RealtimeMetrics {
  /** A socket was accepted (after authentication). */
  opened(): void;
  /** That socket ended; `abnormal` as described above. */
  closed(abnormal: boolean): void;
}

export function createRealtimeMetrics(registry: Registry): RealtimeMetrics {
  const registers = [registry];
  const open = new Gauge({
    name: 'websocket_connections',
    help: 'WebSocket connections open now.',
    registers,
  });
  const opened = new Counter({
    name: 'websocket_connections_opened_total',
    help: 'WebSocket connections accepted.',
    registers,
  });
  const disconnects = new Counter({
    name: 'websocket_disconnects_total',
    help: 'WebSocket connections ended, by reason: normal (a close handshake) or abnormal (1006, heartbeat timeout, error).',
    labelNames: ['reason'] as const,
    registers,
  });
  const normal = disconnects.labels('normal');
  const abnormal = disconnects.labels('abnormal');
  // Both reasons exist from the start at 0, so the drop ratio is defined before the first drop.
  disconnects.inc({ reason: 'normal' }, 0);
  disconnects.inc({ reason: 'abnormal' }, 0);
  return {
    opened() {
      opened.inc();
      open.inc();
    },
    closed(isAbnormal) {
      open.dec();
      (isAbnormal ? abnormal : normal).inc();
    },
  };
}
