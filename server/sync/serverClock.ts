/**
 * The server's hybrid logical clock (clientId `server`). It stamps REST writes and, in
 * Phase 3, merges the HLCs of pushed client writes. On start it catches up with the
 * largest HLC ever stored, so a restart (or a wall clock that stepped back) never stamps
 * a write lower than one already written: a later write always wins.
 */
import { createClock, currentHlc, isHlc, recv, send, type HlcState } from '../../src/core/hlc';
import type { Storage } from '../storage/types';

export const SERVER_CLIENT_ID = 'server';

/**
 * The clock's id for one instance of a cluster: `server-<instance>`. Two instances stamping in
 * the same millisecond with the same counter must still order their writes (the id is the
 * HLC's last tie-break), so each needs its own. One instance alone keeps `server`.
 */
export function serverClockId(instanceName: string | null | undefined): string {
  if (!instanceName) return SERVER_CLIENT_ID;
  return `${SERVER_CLIENT_ID}-${instanceName.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 64);
}

export class ServerClock {
  #state: HlcState;
  readonly #now: () => number;

  constructor(now: () => number, highWater: string | null = null, clockId = SERVER_CLIENT_ID) {
    this.#now = now;
    const start = createClock(clockId);
    this.#state = highWater ? recv(start, highWater, now()) : start;
  }

  /** A fresh timestamp for a write made now, larger than every one before. */
  stamp(): string {
    const { state, hlc } = send(this.#state, this.#now());
    this.#state = state;
    return hlc;
  }

  /**
   * A fresh timestamp after `seen` too: for a write replacing a stored record, whose HLC another
   * instance or worker may have received (each process has its own clock). Anything that is
   * not an HLC (`''`: never written) is ignored.
   */
  stampAfter(seen: string | null): string {
    if (seen !== null && isHlc(seen)) this.receive(seen);
    return this.stamp();
  }

  /** Merge a timestamp seen from a client, so the next stamp sorts after it. */
  receive(hlc: string): void {
    this.#state = recv(this.#state, hlc, this.#now());
  }

  /** Where the clock stands, sent to clients so they catch up. */
  current(): string {
    return currentHlc(this.#state);
  }
}

export async function startServerClock(storage: Storage, now: () => number, instanceName?: string | null): Promise<ServerClock> {
  return new ServerClock(now, await storage.meta.hlcHighWater(), serverClockId(instanceName));
}
