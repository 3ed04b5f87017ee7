import { z } from 'zod';
import { IsoDateTime } from './common';

export const USERNAME_PATTERN = /^[a-z0-9_-]{3,32}$/;

export const Username = z
  .string()
  .regex(USERNAME_PATTERN, '3 to 32 characters: lower-case letters, digits, _ and -');
export const Password = z.string().min(8, 'at least 8 characters').max(256, 'at most 256 characters');

export const Credentials = z.object({ username: Username, password: Password });
export type Credentials = z.infer<typeof Credentials>;

/** Login takes any string: a wrong shape is just a failed login, never a hint. */
export const LoginBody = z.object({ username: z.string().max(64), password: z.string().max(256) });

export const User = z.object({ id: z.string(), username: Username, createdAt: IsoDateTime });
export type User = z.infer<typeof User>;

export const UserEnvelope = z.object({ user: User });

export const TokenRequest = z.object({ name: z.string().trim().min(1).max(100) });
export const TokenResponse = z.object({ token: z.string(), name: z.string(), createdAt: IsoDateTime });

/**
 * Login throttling, shared so the server and the mocks refuse at the same point:
 * failed logins are counted per (IP, username) and per IP over a sliding window.
 */
export const LOGIN_RATE_LIMIT = {
  failuresPerUsername: 10,
  attemptsPerIp: 100,
  windowMs: 15 * 60_000,
} as const;

/** Sessions last this long from their last use (sliding), in days. */
export const SESSION_TTL_DAYS = 30;
