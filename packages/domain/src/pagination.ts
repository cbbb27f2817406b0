export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * The number of rows a list may return: the default when none is asked for, never more
 * than the cap. Returns null for a request that is not a whole number of at least 1.
 */
export function pageSize(requested: number | null | undefined): number | null {
  if (requested === null || requested === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(requested) || requested < 1) return null;
  return Math.min(requested, MAX_PAGE_SIZE);
}
