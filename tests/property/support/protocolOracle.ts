/**
 * The oracle of the protocol property: every mutation the server processed for the first time,
 * with its effective timestamp computed by the server's clamp rule (`clampHlc`, protocol.md:
 * min(client HLC, server wall clock + 60 s), kept in order within a batch). It watches the
 * requests that reach the server and mirrors the exactly-once rule (ids above the client's last
 * processed one are new), so a lost or doubly applied write shows up as a difference.
 *
 * The expected register is the write with the largest effective timestamp over every write
 * ever queued: computed here directly, not through the merge code under test.
 */
import { HLC_MAX_AHEAD_MS, PushRequest, PushResponse, type FavoriteSetArgs } from '../../../src/contract';
import { clampHlc } from '../../../src/core/clampHlc';
import type { Register } from '../../../src/core/lww';

export interface ProcessedWrite {
  readonly clientId: string;
  readonly id: number;
  readonly args: FavoriteSetArgs;
  readonly effectiveHlc: string;
}

/** A favorite's registers by name: saved, note, public, tag:<name>. */
export type RegisterMap = Record<string, Register<unknown>>;

export class ProtocolOracle {
  readonly processed: ProcessedWrite[] = [];
  /** Answers that broke the exactly-once rule; collected, since throwing here would look like a network failure. */
  readonly violations: string[] = [];
  readonly #lastMutationId = new Map<string, number>();

  /** Call with every push the server answered 200, and the server's wall clock when it ran. */
  observePush(requestBody: string, response: unknown, serverNowMs: number): void {
    const request = PushRequest.parse(JSON.parse(requestBody));
    const answer = PushResponse.parse(response);
    const last = this.#lastMutationId.get(request.clientId) ?? 0;
    let floor: string | null = null;
    for (const mutation of request.mutations) {
      if (mutation.id <= last) continue;
      const effectiveHlc = clampHlc(mutation.hlc, serverNowMs, HLC_MAX_AHEAD_MS, floor);
      floor = effectiveHlc;
      this.processed.push({ clientId: request.clientId, id: mutation.id, args: mutation.args as FavoriteSetArgs, effectiveHlc });
    }
    const batchEnd = request.mutations.at(-1)?.id ?? last;
    if (answer.lastMutationId !== Math.max(last, batchEnd)) {
      this.violations.push(`server acknowledged ${answer.lastMutationId} for a batch ending at ${batchEnd} (last ${last})`);
    }
    this.#lastMutationId.set(request.clientId, Math.max(last, batchEnd));
  }

  /** Per article, each register's expected value and timestamp: the write with the largest effective HLC. */
  expected(): Map<string, RegisterMap> {
    const byArticle = new Map<string, RegisterMap>();
    for (const write of this.processed) {
      const registers = byArticle.get(write.args.articleId) ?? {};
      byArticle.set(write.args.articleId, registers);
      const set = (name: string, value: unknown) => {
        const current = registers[name];
        // Strictly larger: a tie (equal stamps) keeps the write processed first, as LWW does.
        if (!current || write.effectiveHlc > current.hlc) registers[name] = { value, hlc: write.effectiveHlc };
      };
      const { saved, note, public: isPublic, tags } = write.args;
      if (saved !== undefined) set('saved', saved);
      if (note !== undefined) set('note', note);
      if (isPublic !== undefined) set('public', isPublic);
      for (const [tag, on] of Object.entries(tags ?? {})) set(`tag:${tag}`, on);
    }
    return byArticle;
  }
}

/** A favorite's registers in the oracle's shape; registers never written (empty stamp) are left out. */
export function registerMap(record: {
  saved: Register<boolean>;
  note: Register<string>;
  public: Register<boolean>;
  tags: Readonly<Record<string, Register<boolean>>>;
}): RegisterMap {
  const map: RegisterMap = {};
  const put = (name: string, register: Register<unknown>) => {
    if (register.hlc) map[name] = { value: register.value, hlc: register.hlc };
  };
  put('saved', record.saved);
  put('note', record.note);
  put('public', record.public);
  for (const [tag, register] of Object.entries(record.tags)) put(`tag:${tag}`, register);
  return map;
}
