/**
 * The sockets one instance holds, indexed by space (whom to poke) and by session token hash
 * (whom to close when a session ends). Pure bookkeeping, no I/O: a poke for a space this
 * instance holds no socket of costs one map lookup, which is what lets every instance receive
 * every event on one channel (pubSub.ts).
 */
export interface Registered {
  readonly spaces: readonly string[];
  /** The session behind the socket; null for an anonymous watcher of a public page. */
  readonly tokenHash: string | null;
}

export class SocketRegistry<T extends Registered> {
  readonly #all = new Set<T>();
  readonly #bySpace = new Map<string, Set<T>>();
  readonly #byToken = new Map<string, Set<T>>();

  add(entry: T): void {
    this.#all.add(entry);
    for (const space of entry.spaces) addTo(this.#bySpace, space, entry);
    if (entry.tokenHash !== null) addTo(this.#byToken, entry.tokenHash, entry);
  }

  /** Idempotent: a socket is removed on close, and again when its handler gives up on it. */
  remove(entry: T): void {
    if (!this.#all.delete(entry)) return;
    for (const space of entry.spaces) removeFrom(this.#bySpace, space, entry);
    if (entry.tokenHash !== null) removeFrom(this.#byToken, entry.tokenHash, entry);
  }

  inSpace(space: string): readonly T[] {
    return [...(this.#bySpace.get(space) ?? [])];
  }

  withToken(tokenHash: string): readonly T[] {
    return [...(this.#byToken.get(tokenHash) ?? [])];
  }

  /** The distinct sessions behind the sockets (one revalidation each, however many devices). */
  tokenHashes(): readonly string[] {
    return [...this.#byToken.keys()];
  }

  all(): readonly T[] {
    return [...this.#all];
  }

  get size(): number {
    return this.#all.size;
  }
}

function addTo<T>(index: Map<string, Set<T>>, key: string, entry: T): void {
  const set = index.get(key);
  if (set) set.add(entry);
  else index.set(key, new Set([entry]));
}

function removeFrom<T>(index: Map<string, Set<T>>, key: string, entry: T): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(entry);
  // Empty sets go, so the maps stay as big as the sockets held, not as all spaces ever seen.
  if (set.size === 0) index.delete(key);
}
