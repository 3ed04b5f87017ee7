import type { SyncStatus } from '../../sync';

export interface SyncStatusLabel {
  /** What the header says, e.g. "Synced", "3 pending", "Offline · 3 pending". */
  readonly text: string;
  /** Drives the dot's colour. */
  readonly tone: 'ok' | 'busy' | 'warn' | 'error';
  /** Offer "Retry": the last pass failed and the user may know the network is back. */
  readonly canRetry: boolean;
}

function pendingText(pending: number): string {
  return `${pending.toLocaleString('en')} pending`;
}

function withPending(text: string, pending: number): string {
  return pending > 0 ? `${text} · ${pendingText(pending)}` : text;
}

/**
 * The header's words for a sync status. `hasSynced`: a pass succeeded since sign-in, so a
 * background pass with nothing to push keeps saying "Synced" instead of flickering every
 * minute (the element is a live region; each change is announced).
 */
export function syncStatusLabel(status: SyncStatus, hasSynced: boolean): SyncStatusLabel {
  switch (status.state) {
    case 'synced':
      return { text: 'Synced', tone: 'ok', canRetry: false };
    case 'pending':
      return { text: pendingText(status.pending), tone: 'busy', canRetry: false };
    case 'syncing':
      if (hasSynced && status.pending === 0) return { text: 'Synced', tone: 'ok', canRetry: false };
      return { text: 'Syncing…', tone: 'busy', canRetry: false };
    case 'offline':
      return { text: withPending('Offline', status.pending), tone: 'warn', canRetry: true };
    case 'paused':
      return { text: withPending('Sync paused', status.pending), tone: 'warn', canRetry: false };
    case 'error':
      return { text: withPending('Sync error', status.pending), tone: 'error', canRetry: true };
  }
}
