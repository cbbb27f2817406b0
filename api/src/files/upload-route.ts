import type { FastifyError, FastifyInstance, onRequestHookHandler } from 'fastify';
import { UPLOAD_PATH } from './files.service';

/** A content type no client sends: the upload route's requests are relabelled with it. */
const UPLOAD_BODY = 'application/x-lmr-upload';

/**
 * Fastify parses bodies by Content-Type for every route alike, with a 1 MB limit. The upload
 * route needs the raw stream whatever the client calls it (the type is detected from the
 * bytes), and a limit of its own. So its requests are relabelled on arrival, one parser hands
 * the stream of that label over untouched (counted and limited by the service), and the
 * route's bodyLimit is raised. Must run before Nest registers its routes (app.init()).
 */
export function prepareUploadRoute(fastify: FastifyInstance, maxBytes: number): void {
  fastify.addContentTypeParser(UPLOAD_BODY, (request, payload, done) => {
    if (request.routeOptions.url !== UPLOAD_PATH) {
      const err = new Error('Unsupported Media Type') as FastifyError;
      err.statusCode = 415;
      done(err, undefined);
      return;
    }
    done(null, payload);
  });

  const relabel: onRequestHookHandler = (request, _reply, next) => {
    request.raw.headers['content-type'] = UPLOAD_BODY;
    next();
  };
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url !== UPLOAD_PATH || !methods.includes('POST')) return;
    route.bodyLimit = maxBytes;
    const existing = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
    route.onRequest = [...existing, relabel];
  });
}
