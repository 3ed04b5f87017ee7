/**
 * JSON is the only body type the API accepts: every other content type is refused
 * (FST_ERR_CTP_INVALID_MEDIA_TYPE → 400 validation_failed). An empty JSON body counts as no
 * body, so a client that always sends `Content-Type: application/json` can still POST to
 * body-less routes such as logout; routes that need a body reject `undefined` themselves.
 */
import type { FastifyInstance } from 'fastify';
import { BODY_LIMIT_BYTES } from '../../src/contract';

export function installJsonBodyParser(app: FastifyInstance): void {
  // Prototype-poisoning keys (__proto__, constructor.prototype) are refused, as by default.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, (request, raw, done) => {
    const body = typeof raw === 'string' ? raw : raw.toString('utf8');
    if (body === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, body, done);
  });
}
