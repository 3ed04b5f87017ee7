/**
 * Why a push or pull did not complete, as a tagged union the engine switches on. Each kind maps
 * to one reaction (SyncEngine): retry with backoff, pause until the user signs in again, stop
 * until the app is updated, or surface an error.
 */
export type SyncFailure =
  /** fetch threw (no network, DNS, the connection dropped, timed out): retry. */
  | { readonly kind: 'offline'; readonly message: string }
  /** 401: the session is gone. Pause, drop nothing, resume after sign-in. */
  | { readonly kind: 'unauthenticated'; readonly message: string }
  /** 409: the server has processed fewer mutations than the outbox assumes; ids are missing. */
  | { readonly kind: 'gap'; readonly lastMutationId: number; readonly message: string }
  /** 426: this app speaks an outdated wire format. Stop until it is updated. */
  | { readonly kind: 'upgrade'; readonly message: string }
  /** 5xx: the server could not process the request now (nothing was half-applied): retry. */
  | { readonly kind: 'server'; readonly status: number; readonly message: string }
  /**
   * An answer that is not the contract's (a captive portal's HTML 200, malformed JSON, a body
   * the schema refuses). Never an acknowledgement; retry.
   */
  | { readonly kind: 'bad_response'; readonly status: number; readonly message: string }
  /** Any other 4xx: a request the server will refuse again as it is. */
  | { readonly kind: 'client'; readonly status: number; readonly code: string | null; readonly message: string };

export type SyncFailureKind = SyncFailure['kind'];

/** Failures that may clear by themselves, so the engine retries them with backoff. */
export function isTransient(failure: SyncFailure): boolean {
  return failure.kind === 'offline' || failure.kind === 'server' || failure.kind === 'bad_response';
}
