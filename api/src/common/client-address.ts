import type { FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';

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

/**
 * The address as sign-in failures count it. IPv4 as it is (an IPv4 address written as IPv6,
 * ::ffff:192.0.2.1, as IPv4); IPv6 by its /64 prefix, which is what one household, school or
 * machine is given: otherwise a guesser could take a fresh address from its /64 for every guess.
 */
export function throttleAddress(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  const prefix = (ip as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${prefix.join(':')}::/64`;
}
