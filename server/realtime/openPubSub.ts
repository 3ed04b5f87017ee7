/**
 * The pub/sub adapter for the configuration: Redis when a URL is given (several instances); else,
 * in a worker of a multi-process server (`WORKERS` > 1), the cluster's IPC channel (the workers of
 * this one server); else in-process.
 */
import { ipcPubSub, processChannel } from './ipcPubSub';
import { memoryPubSub } from './memoryPubSub';
import type { PubSub } from './pubSub';
import { openRedisPubSub, type RedisPubSubOptions } from './redisPubSub';
import { isServerWorker } from '../workers/workerIdentity';

export interface PubSubOptions extends RedisPubSubOptions {
  /** `redis://…`; null or absent: between this server's workers, or in-process. */
  readonly redisUrl?: string | null;
}

export function openPubSub(options: PubSubOptions): Promise<PubSub> {
  if (options.redisUrl) return openRedisPubSub(options.redisUrl, options);
  if (isServerWorker()) return Promise.resolve(ipcPubSub(processChannel(), options.log));
  return Promise.resolve(memoryPubSub());
}
