/**
 * How requests appear in the logs: Fastify's default fields, with a `?token=` value redacted.
 * The WebSocket upgrade accepts a session or API token in the query (browsers cannot set
 * headers on a socket), and a token in a log file is a credential anyone reading logs could use.
 */
import type { FastifyRequest } from 'fastify';

const TOKEN_PARAMETER = /([?&]token=)[^&#]*/gi;

export function withoutQueryToken(url: string): string {
  return url.replace(TOKEN_PARAMETER, '$1[redacted]');
}

export function requestLogSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: withoutQueryToken(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
