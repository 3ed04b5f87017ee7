/**
 * The space versions of one write transaction. A space is bumped once, lazily, on the first
 * change to it, and every row the transaction changes in that space is stamped with that one
 * version: a push of 500 mutations is one version, so pullers see the batch as one step and the
 * version counter grows with commits, not with rows.
 */
import { publicSpaceId } from '../../src/contract';
import type { SpaceStore } from '../storage/types';

export class TransactionVersions {
  readonly #spaces: SpaceStore;
  readonly #versions = new Map<string, number>();
  /** userId → its public page's space id, once looked up. */
  readonly #publicPages = new Map<string, string>();

  /** `spaces` must belong to the transaction the versions are for. */
  constructor(spaces: SpaceStore) {
    this.#spaces = spaces;
  }

  /** The version this transaction stamps its changes to `spaceId` with (bumped on first use). */
  async versionOf(spaceId: string): Promise<number> {
    const known = this.#versions.get(spaceId);
    if (known !== undefined) return known;
    // Writes within one transaction run one after another, so no second bump can race this one.
    const version = await this.#spaces.bump(spaceId);
    this.#versions.set(spaceId, version);
    return version;
  }

  /**
   * A page derived from a user's space changed with it (their public page: `p:<username>`):
   * it has no counter of its own, its watchers are poked with the space's `version`. The
   * username is looked up once per transaction, only when a public favorite changes.
   */
  async publicPageChanged(userId: string, version: number, usernameOf: (userId: string) => Promise<string | null>): Promise<void> {
    let space = this.#publicPages.get(userId);
    if (space === undefined) {
      const username = await usernameOf(userId);
      if (username === null) return;
      space = publicSpaceId(username);
      this.#publicPages.set(userId, space);
    }
    this.#versions.set(space, version);
  }

  /** Every space this transaction bumped (and public page it changed), with its new version, to poke after the commit. */
  bumped(): ReadonlyMap<string, number> {
    return new Map(this.#versions);
  }
}
