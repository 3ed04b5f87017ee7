/** Helpers for driving the server with app.inject. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from '../../../src/contract';

export const CSRF = { [CSRF_HEADER]: CSRF_HEADER_VALUE };

/** The session token a response set, or undefined. */
export function sessionTokenOf(response: LightMyRequestResponse): string | undefined {
  return response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value || undefined;
}

export async function signup(app: FastifyInstance, username: string, password = 'correct horse battery'): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/signup', headers: CSRF, payload: { username, password } });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.statusCode} ${response.body}`);
  return sessionTokenOf(response)!;
}

export function cookieHeader(token: string): Record<string, string> {
  return { cookie: `${SESSION_COOKIE}=${token}` };
}
