/**
 * The exactly-once rules of a push batch (protocol.md, "Push"), shared by the server and the
 * mocks. Mutation ids are a gapless counter per client; the receiver remembers the last one it
 * processed (`lastMutationId`).
 */

/** True when the ids ascend by exactly one each (an empty batch qualifies). */
export function areConsecutive(ids: readonly number[]): boolean {
  return ids.every((id, index) => index === 0 || id === ids[index - 1]! + 1);
}

export type BatchSplit<M> =
  /** Already processed ones (report them as no-ops) and the new ones to apply, in order. */
  | { readonly kind: 'ok'; readonly duplicates: readonly M[]; readonly fresh: readonly M[] }
  /** The first new id skips ahead of `lastMutationId + 1`: some mutations never arrived. */
  | { readonly kind: 'gap' };

/** Splits a consecutive batch against the last processed id. */
export function splitBatch<M extends { readonly id: number }>(mutations: readonly M[], lastMutationId: number): BatchSplit<M> {
  const duplicates = mutations.filter((m) => m.id <= lastMutationId);
  const fresh = mutations.filter((m) => m.id > lastMutationId);
  const first = fresh[0];
  if (first && first.id !== lastMutationId + 1) return { kind: 'gap' };
  return { kind: 'ok', duplicates, fresh };
}
