import { describe, expect, it } from 'vitest';
import { syncStatusLabel } from '../../../src/app/sync/syncStatusLabel';
import type { SyncStatus } from '../../../src/sync';

const status = (state: SyncStatus['state'], pending = 0, extra: Partial<SyncStatus> = {}): SyncStatus => ({ state, pending, rejected: [], ...extra });

describe('the header sync status', () => {
  it('says Synced when nothing waits and the last pass succeeded', () => {
    expect(syncStatusLabel(status('synced'), true)).toEqual({ text: 'Synced', tone: 'ok', canRetry: false });
  });

  it('counts the writes waiting to be pushed', () => {
    expect(syncStatusLabel(status('pending', 3), true).text).toBe('3 pending');
    expect(syncStatusLabel(status('pending', 1200), true).text).toBe('1,200 pending');
  });

  it('says Syncing… on the first pass and while writes go out, but not on a background pass with nothing to push', () => {
    expect(syncStatusLabel(status('syncing'), false).text).toBe('Syncing…');
    expect(syncStatusLabel(status('syncing', 2), true).text).toBe('Syncing…');
    expect(syncStatusLabel(status('syncing'), true).text).toBe('Synced');
  });

  it('says Offline with what waits, and offers Retry', () => {
    expect(syncStatusLabel(status('offline', 3), true)).toEqual({ text: 'Offline · 3 pending', tone: 'warn', canRetry: true });
    expect(syncStatusLabel(status('offline'), true).text).toBe('Offline');
  });

  it('says Sync error and offers Retry after a failure', () => {
    const error = status('error', 1, { lastError: { kind: 'server', status: 503, message: 'Down' } });
    expect(syncStatusLabel(error, true)).toEqual({ text: 'Sync error · 1 pending', tone: 'error', canRetry: true });
  });

  it('says the queue is paused while the session has ended', () => {
    expect(syncStatusLabel(status('paused', 2), true)).toEqual({ text: 'Sync paused · 2 pending', tone: 'warn', canRetry: false });
  });
});
