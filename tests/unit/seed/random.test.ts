import { describe, expect, it } from 'vitest';
import { createRandom, seedFor } from '../../../src/seed/random';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps integers within their inclusive bounds and reaches both ends', () => {
    const random = createRandom(7);
    const seen = new Set(Array.from({ length: 1000 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createRandom(1).pick([])).toThrow();
  });
});

describe('seedFor', () => {
  it('gives each index its own seed', () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, index) => seedFor(1, index)));
    expect(seeds.size).toBe(10_000);
  });
});
