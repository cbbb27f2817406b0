import type { FastifyRequest } from 'fastify';

/**
 * The address a sign-in attempt came from. Behind a reverse proxy (TRUST_PROXY=true) it is
 * the last address in X-Forwarded-For: the one our own proxy appended, which a client cannot
 * forge by sending the header itself. Without the flag the header is ignored.
 */
export function clientAddress(req: FastifyRequest | undefined, trustProxy: boolean): string {
  if (!req) return 'unknown';
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const text = Array.isArray(header) ? header.join(',') : header;
    const last = text?.split(',').map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last.slice(0, 64);
  }
  return (req.ip || req.socket?.remoteAddress || 'unknown').slice(0, 64);
}
