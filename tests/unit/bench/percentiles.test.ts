import { describe, expect, it } from 'vitest';
import { percentile, summarize } from '../../../bench/lib/percentiles';

describe('benchmark percentiles', () => {
  it('reports a latency some call actually had (nearest rank, no interpolation)', () => {
    const sorted = [10, 20, 30, 40];
    expect(percentile(sorted, 50)).toBe(20);
    expect(percentile(sorted, 75)).toBe(30);
    expect(percentile(sorted, 100)).toBe(40);
  });

  it('puts p99 of 100 samples on the 99th smallest, so one outlier in 100 does not set it', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1).reverse();
    samples[0] = 10_000;
    const summary = summarize(samples);
    expect(summary.p99).toBe(99);
    expect(summary.max).toBe(10_000);
  });

  it('sorts numerically, not as strings', () => {
    const summary = summarize([9, 100, 25, 1_000, 3]);
    expect(summary.min).toBe(3);
    expect(summary.p50).toBe(25);
    expect(summary.max).toBe(1_000);
  });

  it('gives count, mean and the spread of the samples', () => {
    expect(summarize([1, 2, 3, 4])).toMatchObject({ count: 4, mean: 2.5, min: 1, max: 4 });
  });

  it('refuses to summarise no samples rather than report NaN', () => {
    expect(() => summarize([])).toThrow(RangeError);
    expect(() => percentile([1], 0)).toThrow(RangeError);
  });
});
