import { describe, expect, it } from 'vitest';
import { holdLeadership, realtimeLockName, type LeaderLocks } from '../../../../src/sync/realtime';
import { until } from './fakeRealtime';

/** An exclusive lock manager with a FIFO queue and abortable waits, like navigator.locks. */
function fakeLocks(): LeaderLocks & { holders: () => number } {
  const queues = new Map<string, { grant: () => void; signal: AbortSignal }[]>();
  const held = new Set<string>();
  const grantNext = (name: string) => {
    const next = queues.get(name)?.shift();
    if (next) next.grant();
  };
  return {
    holders: () => held.size,
    request(name, { signal }, callback) {
      return new Promise((resolve, reject) => {
        const grant = () => {
          held.add(name);
          void callback().finally(() => {
            held.delete(name);
            resolve(undefined);
            grantNext(name);
          });
        };
        if (!held.has(name)) return grant();
        const waiting = { grant, signal };
        queues.set(name, [...(queues.get(name) ?? []), waiting]);
        signal.addEventListener('abort', () => {
          queues.set(name, (queues.get(name) ?? []).filter((entry) => entry !== waiting));
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    },
  };
}

/** A tab's leadership log: 'lead' when it took the socket, 'end' when it gave it up. */
function tab(locks: LeaderLocks | null) {
  const log: string[] = [];
  const resign = holdLeadership(locks, realtimeLockName('user1'), () => {
    log.push('lead');
    return () => log.push('end');
  });
  return { log, resign };
}

describe('holdLeadership', () => {
  it('lets one tab lead while the others wait, and hands over when the leader resigns', async () => {
    const locks = fakeLocks();
    const first = tab(locks);
    const second = tab(locks);
    const third = tab(locks);
    await until(() => first.log.length === 1);
    expect([second.log, third.log]).toEqual([[], []]);

    first.resign();
    await until(() => second.log.length === 1);
    expect(first.log).toEqual(['lead', 'end']);
    expect(third.log).toEqual([]);
    expect(locks.holders()).toBe(1);
  });

  it('leaves the queue without ever leading when a waiting tab resigns', async () => {
    const locks = fakeLocks();
    const leader = tab(locks);
    const waiting = tab(locks);
    const next = tab(locks);
    waiting.resign();
    leader.resign();
    await until(() => next.log.length === 1);
    expect(waiting.log).toEqual([]);
  });

  it('names the lock after the user, so two users in one browser each keep a socket', () => {
    expect(realtimeLockName('u1')).not.toBe(realtimeLockName('u2'));
  });

  it('leads at once where the platform has no Web Locks', () => {
    const only = tab(null);
    expect(only.log).toEqual(['lead']);
    only.resign();
    expect(only.log).toEqual(['lead', 'end']);
  });
});
