/**
 * Hybrid logical clock (HLC), after Kulkarni et al. and Actual Budget's timestamp.ts.
 *
 * A timestamp is a string `<wall ms, 15 digits>-<counter, 4 hex>-<clientId>` so that plain
 * string comparison orders timestamps by (wall, counter, clientId): the tie-break on clientId
 * makes every pair of writes totally ordered, which is what last-write-wins needs.
 *
 * Pure: the clock state is a value and the caller passes the physical time in, so the page,
 * the service worker, the mocks and the server share this code and tests can skew time freely.
 */
import { isoTime } from './isoTime';

export interface HlcState {
  /** Largest wall time (ms since epoch) this clock has seen. */
  readonly wallMs: number;
  /** Logical counter that orders events within one wall millisecond. */
  readonly counter: number;
  readonly clientId: string;
}

export interface ParsedHlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly clientId: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 4;
const COUNTER_MAX = 0xffff;
const HLC_PATTERN = /^(\d{15})-([0-9a-f]{4})-([A-Za-z0-9_-]{1,64})$/;
const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export class HlcError extends Error {
  readonly code = 'hlc_invalid';
}

export function createClock(clientId: string, wallMs = 0): HlcState {
  if (!CLIENT_ID_PATTERN.test(clientId)) throw new HlcError(`invalid clientId: ${clientId}`);
  return { wallMs, counter: 0, clientId };
}

export function formatHlc(wallMs: number, counter: number, clientId: string): string {
  return `${String(wallMs).padStart(WALL_DIGITS, '0')}-${counter
    .toString(16)
    .padStart(COUNTER_DIGITS, '0')}-${clientId}`;
}

export function parseHlc(hlc: string): ParsedHlc {
  const match = HLC_PATTERN.exec(hlc);
  if (!match) throw new HlcError(`invalid HLC: ${hlc}`);
  return { wallMs: Number(match[1]), counter: parseInt(match[2]!, 16), clientId: match[3]! };
}

export function isHlc(value: string): boolean {
  return HLC_PATTERN.test(value);
}

/** The timestamp the clock currently stands at. */
export function currentHlc(state: HlcState): string {
  return formatHlc(state.wallMs, state.counter, state.clientId);
}

function nextCounter(counter: number): number {
  // 65,536 events in one millisecond on one device means a runaway loop, not real use.
  if (counter >= COUNTER_MAX) throw new HlcError('HLC counter overflow');
  return counter + 1;
}

/** Stamp a local event: returns the new clock state and the event's timestamp. */
export function send(state: HlcState, nowMs: number): { state: HlcState; hlc: string } {
  const wallMs = Math.max(state.wallMs, nowMs);
  const counter = wallMs === state.wallMs ? nextCounter(state.counter) : 0;
  const next = { wallMs, counter, clientId: state.clientId };
  return { state: next, hlc: currentHlc(next) };
}

/** Merge a timestamp seen from elsewhere, so that later local events sort after it. */
export function recv(state: HlcState, remoteHlc: string, nowMs: number): HlcState {
  const remote = parseHlc(remoteHlc);
  const wallMs = Math.max(state.wallMs, remote.wallMs, nowMs);
  let counter: number;
  if (wallMs === state.wallMs && wallMs === remote.wallMs) {
    counter = nextCounter(Math.max(state.counter, remote.counter));
  } else if (wallMs === state.wallMs) {
    counter = nextCounter(state.counter);
  } else if (wallMs === remote.wallMs) {
    counter = nextCounter(remote.counter);
  } else {
    counter = 0;
  }
  return { wallMs, counter, clientId: state.clientId };
}

/** Wall time of a timestamp, as an ISO string for API responses. */
export function hlcToIso(hlc: string): string {
  return isoTime(parseHlc(hlc).wallMs);
}

/** The smallest timestamp: every real write beats it. */
export const HLC_ZERO = formatHlc(0, 0, '0');
