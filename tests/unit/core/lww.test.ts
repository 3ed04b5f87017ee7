import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/core/hlc';
import { mergeRegister, wins, type Register } from '../../../src/core/lww';

const register = fc.record({
  value: fc.string({ maxLength: 3 }),
  hlc: fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b', 'c')).map(([w, c, id]) =>
    formatHlc(w, c, id),
  ),
});

function mergeAll(writes: Register<string>[]): Register<string> | null {
  let stored: Register<string> | null = null;
  for (const write of writes) stored = mergeRegister(stored, write).register;
  return stored;
}

describe('last-write-wins register', () => {
  it('applies a later write and ignores an earlier or equal one', () => {
    const older = { value: 'old', hlc: formatHlc(1, 0, 'a') };
    const newer = { value: 'new', hlc: formatHlc(2, 0, 'a') };
    expect(mergeRegister(older, newer)).toEqual({ register: newer, changed: true });
    expect(mergeRegister(newer, older)).toEqual({ register: newer, changed: false });
    expect(mergeRegister(newer, newer).changed).toBe(false);
  });

  it('breaks ties of equal wall time and counter by client id', () => {
    expect(wins(formatHlc(5, 0, 'b'), formatHlc(5, 0, 'a'))).toBe(true);
    expect(wins(formatHlc(5, 0, 'a'), formatHlc(5, 0, 'b'))).toBe(false);
  });

  it('converges to the maximum whatever the order and duplication of delivery', () => {
    fc.assert(
      fc.property(fc.array(register, { minLength: 1, maxLength: 20 }), fc.infiniteStream(fc.nat()), (writes, picks) => {
        // A random delivery: shuffled, with some writes delivered twice.
        const delivery = [...writes, ...writes.filter((_, i) => i % 3 === 0)];
        const it = picks[Symbol.iterator]();
        for (let i = delivery.length - 1; i > 0; i--) {
          const j = (it.next().value as number) % (i + 1);
          [delivery[i], delivery[j]] = [delivery[j]!, delivery[i]!];
        }
        const max = writes.reduce((a, b) => (b.hlc > a.hlc ? b : a));
        expect(mergeAll(delivery)?.hlc).toBe(max.hlc);
      }),
    );
  });
});
