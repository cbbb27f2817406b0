import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { AppConfig } from '../config/config';

/**
 * The portal's Content-Security-Policy. It holds because the built portal has no inline script
 * or style (index.html only links Vite's files) and nothing evaluates strings as code. React's
 * `style={…}` props are set through the CSSOM (element.style), which style-src does not govern,
 * so 'unsafe-inline' is not needed for them. Images, uploads and certificates come from the API
 * itself; no picture is made on the device (no data: or blob: images), and the downloads the
 * portal builds (CSV, the pupil record) are blob: links, navigations rather than loads; the card
 * scanner's camera is a MediaStream (srcObject), which media-src does not govern. 'self' in
 * connect-src also matches ws:/wss: on the same host and port (CSP 3): graphql-ws's socket.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'media-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  // Nothing of ours is meant to be shown inside another site's page (a pupil's work in a frame
  // could be dressed up as something else); X-Frame-Options says the same to older browsers.
  'frame-ancestors': ["'none'"],
};

/** A year, without includeSubDomains: the museum's other hosts are not ours to decide for. */
const HSTS = 'max-age=31536000';

/**
 * Security headers on every response Fastify sends (portal, GraphQL, files, exports, health,
 * errors and 404s). helmet's middleware is built once here: @fastify/helmet 13 builds it again
 * on every request (about 32 µs each on this machine, a third of a `{ __typename }` answer).
 */
export function addSecurityHeaders(fastify: FastifyInstance, config: Pick<AppConfig, 'trustProxy'>): void {
  const apply = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // Same-origin-only: nothing here is for other sites' pages to load (messaging apps fetch
    // Open Graph images from their servers, which this header does not concern).
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    // The full address stays within the product; other sites learn only the origin, never a
    // path (an invitation or password-reset token, a pupil's page). `no-referrer` would also
    // turn the Origin header of the portal's own POSTs into "null" (Fetch's rule for same-origin
    // requests), which origin checks would then have to special-case.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
    xContentTypeOptions: true,
    // Sent below, only when the client is known to have come over TLS.
    strictTransportSecurity: false,
  }) as (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
  fastify.addHook('onRequest', (request, reply, done) => {
    apply(request.raw, reply.raw, () => undefined);
    if (cameOverTls(request.raw, config.trustProxy)) reply.header('strict-transport-security', HSTS);
    done();
  });
}

/**
 * HSTS over plain HTTP is ignored by browsers and, sent to a product served over HTTP by
 * mistake, would lock visitors out for a year once a TLS front end appeared and went. So only
 * when the connection itself was TLS, or TRUST_PROXY is on and our proxy (the last
 * X-Forwarded-Proto entry, as with X-Forwarded-For) says the client used https.
 */
function cameOverTls(request: IncomingMessage, trustProxy: boolean): boolean {
  if ((request.socket as { encrypted?: boolean } | undefined)?.encrypted) return true;
  if (!trustProxy) return false;
  const header = request.headers['x-forwarded-proto'];
  const text = Array.isArray(header) ? header.join(',') : header;
  return text?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).pop() === 'https';
}
