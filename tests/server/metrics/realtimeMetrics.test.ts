import { describe, expect, it } from 'vitest';
import { createMetrics, NO_METRICS } from '../../../server/metrics/metrics';
import { parseExposition, valueOf } from './support/exposition';

describe('the metrics the WebSocket endpoint reports to', () => {
  it('counts sockets opened, open now and ended, normal apart from abnormal', async () => {
    const metrics = createMetrics();
    metrics.realtime.opened();
    metrics.realtime.opened();
    metrics.realtime.opened();
    metrics.realtime.closed(false);
    metrics.realtime.closed(true);
    const exposition = parseExposition(await metrics.registry!.metrics());
    expect(valueOf(exposition, 'websocket_connections')).toBe(1);
    expect(valueOf(exposition, 'websocket_connections_opened_total')).toBe(3);
    expect(valueOf(exposition, 'websocket_disconnects_total', { reason: 'normal' })).toBe(1);
    expect(valueOf(exposition, 'websocket_disconnects_total', { reason: 'abnormal' })).toBe(1);
  });

  it('accepts the same calls when metrics are off, and has nothing to expose', async () => {
    NO_METRICS.realtime.opened();
    NO_METRICS.realtime.closed(true);
    expect(NO_METRICS.registry).toBeNull();
    await expect(NO_METRICS.sync.push(async () => ({ lastMutationId: 0, results: [], serverHlc: 'x' }))).resolves.toMatchObject({
      lastMutationId: 0,
    });
  });
});
