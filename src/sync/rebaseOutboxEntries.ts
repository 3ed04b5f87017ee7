/**
 * Recovery from a push gap (409): the server's `lastMutationId` for this device is below the
 * first queued id, so it lost mutations it had acknowledged (it was restored from a backup, or
 * its record of the device is gone). Those ids can never be filled, so the queue would wait
 * forever. The device continues as a NEW client: the entries still queued get ids 1..n and
 * their HLCs the new client id (same wall time and counter: their order and their place among
 * other devices' writes stay the same), and the server, which has never seen that client,
 * applies each exactly once. Entries queued were never acknowledged, so none was applied under
 * the old id beyond the server's `lastMutationId` (ids apply in order): none applies twice.
 */
import { formatHlc, parseHlc } from '../core/hlc';
import type { OutboxEntry } from './LocalStore';

export function rebaseOutboxEntries(entries: readonly OutboxEntry[], clientId: string): OutboxEntry[] {
  return entries.map((entry, index) => {
    const { wallMs, counter } = parseHlc(entry.hlc);
    return { ...entry, id: index + 1, hlc: formatHlc(wallMs, counter, clientId) };
  });
}
