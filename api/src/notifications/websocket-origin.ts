import type { IncomingHttpHeaders } from 'node:http';
import type { AppConfig } from '../config/config';

/**
 * Whether a WebSocket upgrade may go on, judged by its Origin header. Browsers send the
 * session cookie with any page's upgrade to us (SameSite=Lax does not cover WebSockets
 * opened from a sibling site), and they always say which page opened it, so a page of
 * another origin is refused here. A request without Origin is not from a browser page (a
 * script or a test holding its own token) and cannot ride on anyone's cookie: it may go on.
 *
 * Allowed: the API's own origin (the Origin's host is the Host the request was sent to, or,
 * behind our reverse proxy, the X-Forwarded-Host it added) and the ALLOWED_ORIGINS.
 */
export function isAllowedWebSocketOrigin(
  headers: IncomingHttpHeaders | undefined,
  config: Pick<AppConfig, 'allowedOrigins' | 'trustProxy'>,
): boolean {
  const origin = headers?.origin;
  if (!headers || origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // "null" (a sandboxed frame, a file) and anything malformed.
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (config.allowedOrigins.includes(url.origin)) return true;
  return ownHosts(headers, config.trustProxy).includes(url.host);
}

/** The host names (with port) this request was addressed to, lower-cased as URL.host gives them. */
function ownHosts(headers: IncomingHttpHeaders, trustProxy: boolean): string[] {
  const hosts: string[] = [];
  const add = (value: string | undefined) => {
    if (!value) return;
    try {
      hosts.push(new URL(`http://${value.trim()}`).host);
    } catch {
      // A malformed Host matches no origin.
    }
  };
  add(headers.host);
  if (trustProxy) {
    // The last value is the one our own proxy added; earlier ones came from the client.
    const forwarded = headers['x-forwarded-host'];
    const text = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
    add(text?.split(',').map((s) => s.trim()).filter(Boolean).pop());
  }
  return hosts;
}
