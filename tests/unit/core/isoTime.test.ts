import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from '../../../src/core/isoTime';

const dateIso = (ms: number) => new Date(ms).toISOString();

describe('isoTime', () => {
  it('formats exactly like Date#toISOString across the years 0000 to 9999', () => {
    const min = Date.parse('0000-01-01T00:00:00.000Z');
    const max = Date.parse('9999-12-31T23:59:59.999Z');
    fc.assert(fc.property(fc.integer({ min, max }), (ms) => isoTime(ms) === dateIso(ms)), { numRuns: 20_000 });
  });

  it('agrees at the edges of days, leap days and the epoch', () => {
    const edges = [0, -1, 1, 86_399_999, 86_400_000, Date.parse('2024-02-29T23:59:59.999Z'), Date.parse('2000-03-01T00:00:00.000Z')];
    for (const ms of edges) expect(isoTime(ms)).toBe(dateIso(ms));
  });

  it('leaves extended years and non-integers to Date', () => {
    const extended = Date.parse('+010000-01-01T00:00:00.000Z');
    expect(isoTime(extended)).toBe('+010000-01-01T00:00:00.000Z');
    expect(isoTime(1.5)).toBe(dateIso(1.5));
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
  });

  it('stays right when more days than its cache holds are formatted', () => {
    const wrong: number[] = [];
    for (let day = 0; day < 10_000; day += 1) {
      const ms = day * 86_400_000 + 45_296_789;
      if (isoTime(ms) !== dateIso(ms)) wrong.push(ms);
    }
    expect(wrong).toEqual([]);
  });
});
