export type { LocalFavorite, LocalStore, OutboxEntry, RejectedWrite, SyncMeta } from './LocalStore';
export { RETRY_BASE_MS, RETRY_MAX_MS, retryDelayMs } from './retryDelayMs';
export { SyncEngine, syncLockName, type SyncEngineOptions, type SyncLocks, type SyncStatusListener, type SyncTimer } from './SyncEngine';
export { isTransient, type SyncFailure, type SyncFailureKind } from './SyncFailure';
export { OutboxCorruptError, syncOnce, type SyncOnceDeps, type SyncOnceResult, type SyncProgress } from './syncOnce';
export type { LocalSyncError, SyncError, SyncStatus } from './SyncStatus';
export { classifyError, createTransport, SYNC_REQUEST_TIMEOUT_MS, type Transport, type TransportOptions, type TransportResult } from './transport';
