/** The pub/sub adapter for the configuration: Redis when a URL is given, else in-process. */
import { memoryPubSub } from './memoryPubSub';
import type { PubSub } from './pubSub';
import { openRedisPubSub, type RedisPubSubOptions } from './redisPubSub';

export interface PubSubOptions extends RedisPubSubOptions {
  /** `redis://…`; null or absent: in-process (one instance). */
  readonly redisUrl?: string | null;
}

export function openPubSub(options: PubSubOptions): Promise<PubSub> {
  return options.redisUrl ? openRedisPubSub(options.redisUrl, options) : Promise.resolve(memoryPubSub());
}
