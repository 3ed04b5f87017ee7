export { pokeIsNewer } from './pokeIsNewer';
export {
  RealtimeConnection,
  STABLE_CONNECTION_MS,
  type OpenRealtimeSocket,
  type RealtimeConnectionOptions,
  type RealtimeSocket,
  type RealtimeSocketEvents,
  type RealtimeState,
} from './RealtimeConnection';
export { holdLeadership, realtimeLockName, type LeaderLocks } from './realtimeLeadership';
