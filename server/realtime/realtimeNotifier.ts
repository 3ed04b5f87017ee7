/**
 * The one hook writers call after they commit (`context.realtime`): `committed(space, version)`
 * for every space version a transaction bumped, and `sessionEnded(tokenHash)` on sign-out. It
 * publishes to every instance and never throws: a write that committed must succeed even when
 * the broker is down (the failure is logged; devices poll every 60 s). Call it only after the
 * commit: a device that pulls on the poke must find the rows.
 */
import type { PubSub, PubSubLog } from './pubSub';
import type { RealtimeEvent } from './realtimeEvent';

export interface RealtimeNotifier {
  committed(space: string, version: number): void;
  sessionEnded(tokenHash: string): void;
  /** Resolves when every publish started so far has settled (shutdown waits for it). */
  flush(): Promise<void>;
}

export function realtimeNotifier(pubSub: PubSub, log: PubSubLog): RealtimeNotifier {
  const inFlight = new Set<Promise<void>>();
  const publish = (event: RealtimeEvent) => {
    const sent = pubSub
      .publish(event)
      .catch((error: unknown) => log.warn({ err: error, event }, 'realtime publish failed; devices will catch up by polling'))
      .finally(() => inFlight.delete(sent));
    inFlight.add(sent);
  };
  return {
    committed: (space, version) => publish({ type: 'poke', space, version }),
    sessionEnded: (tokenHash) => publish({ type: 'session_ended', tokenHash }),
    async flush() {
      await Promise.all([...inFlight]);
    },
  };
}
