/** The session cookie: httpOnly, SameSite=Lax, whole site, Secure over https. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, SESSION_TTL_DAYS } from '../../src/contract';

const DAY_SECONDS = 24 * 60 * 60;
export const SESSION_TTL_MS = SESSION_TTL_DAYS * DAY_SECONDS * 1000;

function baseOptions(request: FastifyRequest) {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: request.protocol === 'https' } as const;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { ...baseOptions(request), maxAge: SESSION_TTL_DAYS * DAY_SECONDS });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, baseOptions(request));
}
