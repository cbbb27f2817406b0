import { createHash } from 'node:crypto';

/**
 * Demo rows get ids derived from a name, so seeding twice finds the same rows
 * (insert ... on conflict do nothing) instead of making copies.
 */
export function demoId(name: string): string {
  const h = createHash('sha1').update(`little-museum-researcher:demo:${name}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A small deterministic random source (mulberry32), so the demo's names are the same on every machine (never its codes). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
