import { create } from 'zustand';
import type { SyncStatus } from '../sync';

export interface SyncStatusState {
  /** The signed-in user's engine status; null while nobody is signed in. */
  readonly status: SyncStatus | null;
  /** A pass has succeeded since sign-in: later background passes need not say "Syncing…". */
  readonly hasSynced: boolean;
  update(status: SyncStatus): void;
  clear(): void;
}

/** UI state only: a mirror of `SyncEngine.subscribe`, so the header can render it. */
export const useSyncStatusStore = create<SyncStatusState>()((set) => ({
  status: null,
  hasSynced: false,
  update: (status) => set((state) => ({ status, hasSynced: state.hasSynced || status.state === 'synced' })),
  clear: () => set({ status: null, hasSynced: false }),
}));
