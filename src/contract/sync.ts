/**
 * The sync protocol's wire format (docs/protocol.md): push a batch of mutations with gapless
 * per-client ids, pull changes per space by an opaque cursor. Every register travels with its
 * HLC so any replica can merge in any order.
 */
import { z } from 'zod';
import type { FavoriteRecord } from '../core/favoriteRecord';
import { isHlc } from '../core/hlc';
import { ArticleId, ArticleSummary } from './articles';
import { decodeCursor, encodeCursor } from './common';
import { ApiError } from './errors';
import { NOTE_MAX_CHARS, Tag, TAGS_MAX } from './favorites';

/** Wire format version; a client on another one gets 426 upgrade_required. */
export const SYNC_SCHEMA_VERSION = 1;
/** At most this many mutations in one push (the client batches its outbox by it). */
export const PUSH_BATCH_MAX = 500;
/** At most this many changed records in one pull page. */
export const PULL_PAGE_MAX = 1000;
/** A pushed HLC may run at most this far ahead of the server's wall clock (protocol.md). */
export const HLC_MAX_AHEAD_MS = 60_000;

export const Hlc = z.string().max(100).refine(isHlc, 'an HLC timestamp');
export const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8 to 64 characters: letters, digits, _ and -');
export const SpaceId = z.string().regex(/^[uc]:[A-Za-z0-9_-]{1,64}$/, 'a space id');

/** `favorite.set.v1`: set some registers of one favorite. Ops never change meaning; a new meaning gets a new name. */
export const FavoriteSetArgs = z
  .object({
    articleId: ArticleId,
    saved: z.boolean().optional(),
    note: z.string().max(NOTE_MAX_CHARS).optional(),
    public: z.boolean().optional(),
    tags: z
      .record(Tag, z.boolean())
      .refine((tags) => Object.keys(tags).length <= TAGS_MAX, `at most ${TAGS_MAX} tags per mutation`)
      .optional(),
  })
  .strict();
export type FavoriteSetArgs = z.infer<typeof FavoriteSetArgs>;

export const Mutation = z.discriminatedUnion('op', [
  z.object({
    id: z.number().int().min(1),
    op: z.literal('favorite.set.v1'),
    args: FavoriteSetArgs,
    hlc: Hlc,
  }),
]);
export type Mutation = z.infer<typeof Mutation>;
export type MutationOp = Mutation['op'];

/**
 * What a push carries per mutation before its op and args are checked. The batch is parsed
 * loosely so one bad mutation is `rejected` on its own (and still counts as processed),
 * instead of failing the whole push and leaving the client's queue stuck behind it.
 */
export const MutationEnvelope = z.object({
  id: z.number().int().min(1),
  op: z.string().max(64),
  args: z.unknown(),
  hlc: z.string().max(100),
});
export type MutationEnvelope = z.infer<typeof MutationEnvelope>;

export const PushRequest = z.object({
  clientId: ClientId,
  schemaVersion: z.number().int(),
  mutations: z.array(MutationEnvelope).max(PUSH_BATCH_MAX),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const MutationResult = z.object({
  id: z.number().int(),
  status: z.enum(['applied', 'noop', 'rejected']),
  /** Why a mutation was rejected, machine-readable (e.g. `unknown_article`). */
  reason: z.string().optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;

/**
 * Checks one pushed mutation: a known op with valid args, stamped by the pushing client (an
 * HLC carrying another client's id could win ties it has no right to). On failure, `reason`
 * is what the `rejected` result reports.
 */
export function checkMutation(
  envelope: MutationEnvelope,
  clientId: string,
): { ok: true; mutation: Mutation } | { ok: false; reason: 'invalid_mutation' | 'hlc_client_mismatch' } {
  const parsed = Mutation.safeParse(envelope);
  if (!parsed.success) return { ok: false, reason: 'invalid_mutation' };
  if (!parsed.data.hlc.endsWith(`-${clientId}`)) return { ok: false, reason: 'hlc_client_mismatch' };
  return { ok: true, mutation: parsed.data };
}

export const PushResponse = z.object({
  /** Every mutation of this client up to here is processed; the outbox drops them. */
  lastMutationId: z.number().int().min(0),
  results: z.array(MutationResult),
  /** The server's clock, so clients `recv()` it and stamp later writes after it. */
  serverHlc: Hlc,
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullRequest = z.object({
  clientId: ClientId,
  schemaVersion: z.number().int(),
  /** Opaque: null on a fresh device (everything from the start). */
  cursor: z.string().max(4096).nullable(),
  limit: z.number().int().min(1).max(PULL_PAGE_MAX).optional(),
});
export type PullRequest = z.infer<typeof PullRequest>;

const register = <T extends z.ZodType>(value: T) => z.object({ value, hlc: z.string() });

/** One favorite's full register set as of `version` of its space. */
export const FavoriteChange = z.object({
  entity: z.literal('favorite'),
  space: SpaceId,
  version: z.number().int().min(1),
  articleId: ArticleId,
  saved: register(z.boolean()),
  note: register(z.string()),
  public: register(z.boolean()),
  tags: z.record(z.string(), register(z.boolean())),
  /** The article's summary, so a new device can show the favorite without another request. */
  article: ArticleSummary,
});
export type FavoriteChange = z.infer<typeof FavoriteChange>;

export const PullResponse = z.object({
  /** Pass back on the next pull; store it in the same transaction as the changes. */
  cursor: z.string(),
  changes: z.array(FavoriteChange),
  /** More changes wait: pull again at once with the new cursor. */
  hasMore: z.boolean(),
  spaces: z.object({
    /** Spaces the caller can now read (pulled from version 0). */
    added: z.array(SpaceId),
    /** Spaces the caller can no longer read: purge their data. */
    removed: z.array(SpaceId),
  }),
  lastMutationId: z.number().int().min(0),
  serverHlc: Hlc,
});
export type PullResponse = z.infer<typeof PullResponse>;

/**
 * Where a puller stands in each space: the (version, articleId) of the last change it received.
 * Changes are ordered by that pair, so a page can end inside one version however many rows it
 * touched. Opaque on the wire (encodeCursor of `[space, version, articleId, …]`).
 */
export type SyncCursor = Readonly<Record<string, readonly [version: number, lastArticleId: string]>>;

export function encodeSyncCursor(cursor: SyncCursor): string {
  const parts: (string | number)[] = [];
  for (const space of Object.keys(cursor).sort()) {
    const [version, lastArticleId] = cursor[space]!;
    parts.push(space, version, lastArticleId);
  }
  return encodeCursor(parts);
}

/** The cursor a pull request carries; a cursor this server never made is a 400. */
export function decodeSyncCursor(cursor: string | null): SyncCursor {
  if (cursor === null) return {};
  const invalid = () =>
    new ApiError('validation_failed', 'Invalid request body', { fields: { cursor: 'not a cursor from a previous pull' } });
  const parts = decodeCursor(cursor);
  if (!parts || parts.length % 3 !== 0) throw invalid();
  const decoded: Record<string, readonly [number, string]> = {};
  for (let i = 0; i < parts.length; i += 3) {
    const [space, version, lastArticleId] = parts.slice(i, i + 3);
    if (typeof space !== 'string' || !SpaceId.safeParse(space).success) throw invalid();
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) throw invalid();
    if (typeof lastArticleId !== 'string') throw invalid();
    decoded[space] = [version, lastArticleId];
  }
  return decoded;
}

/**
 * A client on another wire format gets 426 before its body is parsed: its body may not fit
 * this version's schemas, and a 400 would read as "your data is bad" instead of "update".
 */
export function assertSyncSchemaVersion(body: unknown): void {
  if (typeof body !== 'object' || body === null || !('schemaVersion' in body)) return;
  const { schemaVersion } = body;
  if (typeof schemaVersion === 'number' && schemaVersion !== SYNC_SCHEMA_VERSION) {
    throw new ApiError('upgrade_required', `This server speaks sync schema version ${SYNC_SCHEMA_VERSION}; update the app`, {
      schemaVersion: SYNC_SCHEMA_VERSION,
    });
  }
}

/** The wire form of one favorite's registers at `version` of `space` (server and mocks alike). */
export function toFavoriteChange(
  space: string,
  version: number,
  record: FavoriteRecord,
  article: z.infer<typeof ArticleSummary>,
): FavoriteChange {
  return {
    entity: 'favorite',
    space,
    version,
    articleId: record.articleId,
    saved: record.saved,
    note: record.note,
    public: record.public,
    tags: { ...record.tags },
    article,
  };
}
