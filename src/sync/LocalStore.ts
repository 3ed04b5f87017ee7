/**
 * What the sync engine needs from a device's local database. `src/db` implements it on Dexie
 * (the page and the service worker share that implementation); the engine in `src/sync` and
 * its property tests only see this interface.
 *
 * Model (after Replicache's rebase): each favorite keeps the registers the server confirmed
 * (`confirmed`, from pulls) and the view the user sees (`view` = confirmed merged with every
 * pending outbox entry). A rejected mutation is rolled back by recomputing the view from
 * `confirmed` and the entries still pending.
 */
import type { ArticleSummary, FavoriteSetArgs, MutationResult, PullResponse } from '../contract';
import type { FavoritePatch, FavoriteRecord } from '../core/favoriteRecord';
import type { HlcState } from '../core/hlc';

/** One queued write, as pushed: the mutation id is gapless per client, from 1. */
export interface OutboxEntry {
  readonly id: number;
  readonly op: 'favorite.set.v1';
  readonly args: FavoriteSetArgs;
  readonly hlc: string;
  /** Wall time it was queued (ms), for the UI ("pending since"). */
  readonly queuedAtMs: number;
}

export interface SyncMeta {
  /** This device's id (in every HLC it stamps). Made once, when the database is created. */
  readonly clientId: string;
  readonly clock: HlcState;
  /** The id the next local write gets. */
  readonly nextMutationId: number;
  /** The pull cursor, null before the first pull. */
  readonly cursor: string | null;
}

export interface LocalFavorite {
  readonly articleId: string;
  readonly confirmed: FavoriteRecord | null;
  readonly view: FavoriteRecord;
  readonly article: ArticleSummary;
}

/** A mutation the server refused, as the UI shows it. */
export interface RejectedWrite {
  readonly entry: OutboxEntry;
  readonly reason: string;
  /** The article's title as the device held it, for the message: the rollback may drop the favorite. */
  readonly title?: string;
}

export interface LocalStore {
  /**
   * A local write, in ONE transaction: stamp an HLC with the clock (`send`), apply `patch`
   * (or the patch computed from the current view) to the view, append the outbox entry with
   * the next mutation id, save the clock and the counter. No local write without its entry.
   */
  writeFavorite(
    article: ArticleSummary,
    patch: FavoritePatch | ((view: FavoriteRecord | null) => FavoritePatch),
    nowMs: number,
  ): Promise<{ entry: OutboxEntry; view: FavoriteRecord }>;

  /** Up to `limit` pending entries, ascending ids. */
  pending(limit: number): Promise<OutboxEntry[]>;
  pendingCount(): Promise<number>;

  /**
   * After a push response was parsed: in one transaction drop entries `<= lastMutationId`,
   * roll back the rejected ones (recompute their favorites' views from confirmed + pending),
   * and `recv` the server's HLC into the clock. Returns the rejected writes for the UI.
   */
  acknowledge(lastMutationId: number, results: readonly MutationResult[], serverHlc: string, nowMs: number): Promise<RejectedWrite[]>;

  /**
   * After a pull response was parsed: in one transaction merge every change into `confirmed`
   * and into `view` (LWW per register), store the articles and the new cursor, and `recv`
   * every HLC seen. Never advances the cursor without the data.
   */
  applyPull(response: PullResponse, nowMs: number): Promise<void>;

  meta(): Promise<SyncMeta>;
  get(articleId: string): Promise<LocalFavorite | undefined>;

  /**
   * After a push gap (409): in one transaction, continue as a new client — a fresh client id
   * (in the clock too), the queued entries renumbered from 1 and re-stamped with it
   * (rebaseOutboxEntries), the next mutation id after them. Returns the new client id.
   */
  rebaseOutbox(): Promise<string>;
}
