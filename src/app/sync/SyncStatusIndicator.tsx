import { useSyncStatusStore } from '../../stores/syncStatusStore';
import './syncStatus.css';
import { syncStatusLabel } from './syncStatusLabel';
import { requestSync } from './syncSession';

/**
 * The header's sync state, always in view while signed in (protocol.md, "Client outbox"):
 * a live region, so a screen reader hears "3 pending" then "Synced"; after a failure, Retry.
 */
export function SyncStatusIndicator() {
  const status = useSyncStatusStore((state) => state.status);
  const hasSynced = useSyncStatusStore((state) => state.hasSynced);
  if (!status) return null;
  const label = syncStatusLabel(status, hasSynced);
  return (
    <div className={`sync-status sync-status--${label.tone}`}>
      <span role="status" className="sync-status__text" title={status.lastError?.message}>
        <span className="sync-status__dot" aria-hidden="true" />
        {label.text}
      </span>
      {label.canRetry ? (
        <button type="button" className="sync-status__retry" onClick={requestSync}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
