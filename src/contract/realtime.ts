/**
 * The real-time channel (protocol.md, "Real time"): `GET /api/v1/sync/ws`, a WebSocket that
 * tells a signed-in device when a space it can read has changed. Messages carry no data: a
 * device pulls when a poke's version is newer than its cursor, so a lost or duplicated poke
 * costs at most one pull and never correctness.
 *
 * - Auth: the session cookie, an `Authorization: Bearer` header or `?token=` (browsers cannot
 *   set headers on a WebSocket). No valid session: the upgrade is refused with 401.
 * - On open the server sends `hello` (its HLC, so a device can catch its clock up), then a
 *   `poke` per space whenever a commit bumps that space's version.
 * - Heartbeats: the client sends `ping` every REALTIME_PING_INTERVAL_MS and treats a socket
 *   with no `pong` (or any message) within REALTIME_PONG_TIMEOUT_MS as dead; the server
 *   pings at the protocol level and drops clients that stop answering.
 * - Close codes: CLOSE_SERVER_RESTART (shutdown: reconnect soon, to another instance),
 *   CLOSE_UNAUTHENTICATED (the session ended: stop until the user signs in again).
 * - The server ignores text frames it does not understand (a newer client's message must not
 *   cost a reconnect loop), closes on binary frames (1003) and frames over 4 KiB (1009), and
 *   refuses (403) an upgrade whose Origin is not its own (a browser page of another site).
 */
import { z } from 'zod';
import { API_PREFIX } from './routes';
import { Hlc, SpaceId } from './sync';

/** The WebSocket's path (an HTTP GET upgraded; not in the route table, which is request/response). */
export const SYNC_WS_PATH = `${API_PREFIX}/sync/ws`;

/** Client heartbeat period (ms). Below common proxy idle timeouts (60 s). */
export const REALTIME_PING_INTERVAL_MS = 25_000;
/** No answer to a ping within this long: the socket is dead (ms). */
export const REALTIME_PONG_TIMEOUT_MS = 10_000;

/** WebSocket close code 1012 "Service Restart": the server is going away; reconnect soon. */
export const CLOSE_SERVER_RESTART = 1012;
/** The session behind the socket ended (sign-out elsewhere, expiry): do not reconnect until signed in. */
export const CLOSE_UNAUTHENTICATED = 4401;

export const HelloMessage = z.object({ type: z.literal('hello'), serverHlc: Hlc });
export type HelloMessage = z.infer<typeof HelloMessage>;

/**
 * The public page of a user, as a poke names it: `p:<username>`. Not a sync space (nothing
 * pulls it); anyone watching that page (publicLivePath) is poked when what it shows changes.
 */
export const PublicSpaceId = z.string().regex(/^p:[a-z0-9_-]{3,32}$/, 'a public page id');

export function publicSpaceId(username: string): string {
  return `p:${username}`;
}

/** The WebSocket anyone (no sign-in) may open to be poked when `username`'s public page changes. */
export function publicLivePath(username: string): string {
  return `${API_PREFIX}/users/${encodeURIComponent(username)}/live`;
}

export const PokeMessage = z.object({
  type: z.literal('poke'),
  space: z.union([SpaceId, PublicSpaceId]),
  version: z.number().int().nonnegative(),
});
export type PokeMessage = z.infer<typeof PokeMessage>;

export const PongMessage = z.object({ type: z.literal('pong') });
export type PongMessage = z.infer<typeof PongMessage>;

/** Everything the server sends on the socket. */
export const ServerMessage = z.discriminatedUnion('type', [HelloMessage, PokeMessage, PongMessage]);
export type ServerMessage = z.infer<typeof ServerMessage>;

export const PingMessage = z.object({ type: z.literal('ping') });
export type PingMessage = z.infer<typeof PingMessage>;

/** Everything a client sends on the socket. */
export const ClientMessage = z.discriminatedUnion('type', [PingMessage]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** Parses one text frame from the server; null for anything that is not the contract's. */
export function parseServerMessage(text: string): ServerMessage | null {
  try {
    const parsed = ServerMessage.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Parses one text frame from a client; null for anything that is not the contract's. */
export function parseClientMessage(text: string): ClientMessage | null {
  try {
    const parsed = ClientMessage.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
