/**
 * Whether a poke is worth a pull (protocol.md, "Real time"): pokes carry no data, only the
 * space's new version, so a device pulls only when that version is beyond what its cursor has
 * already delivered. A space the cursor does not know yet (new to this device) is newer, and so
 * is anything next to a cursor that does not decode: a needless pull costs one round trip, a
 * skipped one leaves the device stale until the next poll.
 */
import { decodeSyncCursor } from '../../contract/sync';

export function pokeIsNewer(cursor: string | null, space: string, version: number): boolean {
  let position: readonly [number, string] | undefined;
  try {
    position = decodeSyncCursor(cursor)[space];
  } catch {
    return true;
  }
  return position === undefined || version > position[0];
}
