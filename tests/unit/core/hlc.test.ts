import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClock, currentHlc, formatHlc, HlcError, parseHlc, recv, send } from '../../../src/core/hlc';

describe('hybrid logical clock', () => {
  it('formats timestamps that sort as strings in time order', () => {
    expect(formatHlc(1_700_000_000_000, 10, 'abc')).toBe('001700000000000-000a-abc');
    expect(formatHlc(999, 0, 'z') < formatHlc(1000, 0, 'a')).toBe(true);
  });

  it('round-trips through parse', () => {
    expect(parseHlc('001700000000000-00ff-dev_1')).toEqual({ wallMs: 1_700_000_000_000, counter: 255, clientId: 'dev_1' });
  });

  it('rejects malformed timestamps and client ids', () => {
    expect(() => parseHlc('17-0-a')).toThrow(HlcError);
    expect(() => createClock('has space')).toThrow(HlcError);
  });

  it('send is strictly increasing even when the wall clock stands still or goes back', () => {
    let clock = createClock('a');
    const stamps: string[] = [];
    for (const now of [1000, 1000, 999, 500, 1001]) {
      const result = send(clock, now);
      clock = result.state;
      stamps.push(result.hlc);
    }
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('after recv, local events sort after the remote timestamp even with a slow local clock', () => {
    const remote = send(createClock('b'), 5_000_000).hlc;
    const local = recv(createClock('a', 10), remote, 1_000);
    expect(send(local, 1_000).hlc > remote).toBe(true);
  });

  it('is monotonic over any interleaving of sends and receives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 })), { maxLength: 60 }),
        (events) => {
          let clock = createClock('me');
          let last = currentHlc(clock);
          for (const [isSend, now, remoteWall] of events) {
            if (isSend) {
              const result = send(clock, now);
              expect(result.hlc > last).toBe(true);
              clock = result.state;
              last = result.hlc;
            } else {
              const remote = formatHlc(remoteWall, 3, 'them');
              clock = recv(clock, remote, now);
              expect(currentHlc(clock) > last).toBe(true);
              last = currentHlc(clock);
            }
          }
        },
      ),
    );
  });
});
