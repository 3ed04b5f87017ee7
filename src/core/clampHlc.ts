/**
 * Clamping pushed timestamps to the receiver's physical clock (protocol.md, "Clock and conflict
 * rule"). A device whose clock runs years ahead would otherwise win every register forever; a
 * clamped stamp lets it win for at most `maxAheadMs`. Clamping to the physical clock, not the
 * receiver's HLC, stops each future-dated push from ratcheting the bound forward again.
 *
 * The clamped stamp keeps the sender's client id, so equal stamps still break ties by client.
 */
import { formatHlc, parseHlc } from './hlc';

/**
 * The effective timestamp of a pushed write: `min(hlc, bound)` where the bound is
 * `nowMs + maxAheadMs` with the sender's counter and client id. `floor`, the effective stamp of
 * the same sender's previous write in this batch, keeps a batch of future-dated writes in
 * order: each clamped stamp sorts after the one before, so the later write of a register wins,
 * as it did on the device.
 */
export function clampHlc(hlc: string, nowMs: number, maxAheadMs: number, floor: string | null = null): string {
  const parsed = parseHlc(hlc);
  const boundMs = nowMs + maxAheadMs;
  if (parsed.wallMs <= boundMs) return hlc;
  const clamped = formatHlc(boundMs, parsed.counter, parsed.clientId);
  if (floor === null || clamped > floor) return clamped;
  const previous = parseHlc(floor);
  return formatHlc(previous.wallMs, previous.counter + 1, parsed.clientId);
}
