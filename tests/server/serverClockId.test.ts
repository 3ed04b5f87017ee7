import { describe, expect, it } from 'vitest';
import { parseHlc } from '../../src/core/hlc';
import { ServerClock, serverClockId } from '../../server/sync/serverClock';

describe('the server clock of each instance', () => {
  it('is `server` alone, and `server-<instance>` in a cluster (an HLC-safe id)', () => {
    expect(serverClockId(null)).toBe('server');
    expect(serverClockId('a')).toBe('server-a');
    expect(serverClockId('eu.west-1')).toBe('server-eu_west-1');
    expect(serverClockId('x'.repeat(80))).toHaveLength(64);
  });

  it('orders two instances’ writes of the same millisecond and counter', () => {
    const now = () => 1_000;
    const first = new ServerClock(now, null, serverClockId('1')).stamp();
    const second = new ServerClock(now, null, serverClockId('2')).stamp();
    expect(parseHlc(first).wallMs).toBe(parseHlc(second).wallMs);
    expect(first).not.toBe(second);
    expect(first < second).toBe(true);
  });
});
