import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A secret for a session or a one-time link: 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A uniformly random whole number below n, for sign-in codes. */
export function randomIndex(n: number): number {
  return randomInt(n);
}
