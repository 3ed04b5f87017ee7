import { describe, expect, it } from 'vitest';
import { clampHlc } from '../../../src/core/clampHlc';
import { formatHlc, parseHlc } from '../../../src/core/hlc';

const NOW_MS = Date.UTC(2026, 0, 15);
const AHEAD_MS = 60_000;

describe('clampHlc', () => {
  it('keeps a timestamp within the allowed lead as it is', () => {
    const hlc = formatHlc(NOW_MS + AHEAD_MS, 3, 'phone');
    expect(clampHlc(hlc, NOW_MS, AHEAD_MS)).toBe(hlc);
  });

  it('pulls a future-dated timestamp back to now plus the lead, keeping the client id for tie-breaks', () => {
    const clamped = parseHlc(clampHlc(formatHlc(Date.UTC(2100, 0, 1), 2, 'phone'), NOW_MS, AHEAD_MS));
    expect(clamped).toEqual({ wallMs: NOW_MS + AHEAD_MS, counter: 2, clientId: 'phone' });
  });

  it('orders clamped writes of one batch after one another, so the later write still wins', () => {
    const first = clampHlc(formatHlc(Date.UTC(2100, 0, 1), 0, 'phone'), NOW_MS, AHEAD_MS);
    const second = clampHlc(formatHlc(Date.UTC(2100, 0, 2), 0, 'phone'), NOW_MS, AHEAD_MS, first);
    expect(second > first).toBe(true);
    expect(parseHlc(second).clientId).toBe('phone');
  });
});
