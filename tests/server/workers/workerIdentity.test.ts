import { describe, expect, it } from 'vitest';
import { serverClockId } from '../../../server/sync/serverClock';
import { isServerWorker, workerInstanceName, workerNumberFromEnv, WORKER_NUMBER_VARIABLE } from '../../../server/workers/workerIdentity';

describe('worker instance names', () => {
  it('numbers the workers, after INSTANCE_NAME when there is one', () => {
    expect([1, 2].map((n) => workerInstanceName(null, n))).toEqual(['w1', 'w2']);
    expect([1, 2].map((n) => workerInstanceName('eu-1', n))).toEqual(['eu-1-w1', 'eu-1-w2']);
  });

  it('gives every worker its own clock id, even under the longest INSTANCE_NAME', () => {
    const longest = 'x'.repeat(64);
    const ids = Array.from({ length: 256 }, (_, i) => serverClockId(workerInstanceName(longest, i + 1)));
    expect(new Set(ids).size).toBe(256);
    expect(ids.every((id) => id.length <= 64)).toBe(true);
  });

  it('is a worker only when forked by our own primary', () => {
    // Vitest's test process is no cluster worker, whatever the environment says.
    expect(isServerWorker({ [WORKER_NUMBER_VARIABLE]: '1' })).toBe(false);
  });

  it("reads the worker's number the primary set, and refuses a process the primary did not fork", () => {
    expect(workerNumberFromEnv({ [WORKER_NUMBER_VARIABLE]: '2' })).toBe(2);
    expect(() => workerNumberFromEnv({})).toThrow(WORKER_NUMBER_VARIABLE);
    expect(() => workerNumberFromEnv({ [WORKER_NUMBER_VARIABLE]: '0' })).toThrow(WORKER_NUMBER_VARIABLE);
  });
});
