/**
 * `recv` for a batch: only moves the clock when `remoteHlc` is ahead of it. `recv` always bumps
 * the counter, so receiving every HLC of a 1,000-change page (or the same page twice) would
 * burn through the 65,536 counter values of a millisecond for nothing: a later `send` already
 * sorts after anything at or below the clock's current (wall, counter).
 */
import { parseHlc, recv, type HlcState } from './hlc';

export function catchUpClock(state: HlcState, remoteHlc: string, nowMs: number): HlcState {
  const remote = parseHlc(remoteHlc);
  const behind = remote.wallMs > state.wallMs || (remote.wallMs === state.wallMs && remote.counter >= state.counter);
  return behind ? recv(state, remoteHlc, nowMs) : state;
}
