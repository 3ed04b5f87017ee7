/**
 * Lets close() finish as soon as the requests in flight are answered. Node's server.close()
 * ends the keep-alive connections that are idle at that moment, but one busy with a request
 * (a push finishing) stays open after its response until the keep-alive timeout (Fastify's
 * default: 72 s), far past any shutdown grace period. Once closing, every response says
 * `Connection: close`, so each such connection ends with its last response.
 */
import type { FastifyInstance } from 'fastify';

export function closeConnectionsOnShutdown(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
}
