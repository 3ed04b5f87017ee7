import { describe, expect, it } from 'vitest';
import { catchUpClock } from '../../../src/core/catchUpClock';
import { formatHlc, send, type HlcState } from '../../../src/core/hlc';

const clock: HlcState = { wallMs: 1_000, counter: 4, clientId: 'me' };

describe('catching the clock up to a seen HLC', () => {
  it('moves the clock past an HLC ahead of it, so the next local stamp sorts after it', () => {
    const remote = formatHlc(5_000, 2, 'server');
    const next = catchUpClock(clock, remote, 900);
    expect(send(next, 900).hlc > remote).toBe(true);
  });

  it('moves past an HLC at the same wall time and counter from another device', () => {
    const remote = formatHlc(1_000, 4, 'zzz');
    expect(send(catchUpClock(clock, remote, 0), 0).hlc > remote).toBe(true);
  });

  it('leaves the clock as it is for an HLC it is already past', () => {
    expect(catchUpClock(clock, formatHlc(1_000, 3, 'zzz'), 2_000)).toBe(clock);
    expect(catchUpClock(clock, formatHlc(999, 9, 'zzz'), 2_000)).toBe(clock);
  });
});
