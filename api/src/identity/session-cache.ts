import { setNewest } from '../common/newest-first-out';
import type { Viewer } from '../common/viewer';

interface Entry {
  viewer: Viewer;
  /** When the session itself runs out (ms since the epoch). */
  expiresAt: number;
  /** When PostgreSQL last said the session was live (ms since the epoch). */
  checkedAt: number;
}

/** Sessions remembered at most; beyond that the longest-remembered go first. */
const MAX_ENTRIES = 10_000;

/**
 * The viewers of sessions this process checked within the last `ttlMs`, by token hash, so a
 * page that sends several requests, or a teacher's class progress under load, costs one
 * session statement per `ttlMs` rather than one per request (each statement costs a round
 * trip to PostgreSQL, measured about a seventh of a class progress page).
 *
 * Ending a session is never left to the clock: sign-out, password changes, code resets,
 * disabling and deletion call `forget`, in this process at once and in every other one on
 * the event bus. Only a change that nobody announces (a row edited by hand, an announcement
 * lost while Redis was down) can go unseen, and for `ttlMs` at most. A session's own expiry is
 * checked on every use.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private forgets = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(tokenHash: string): Viewer | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    const now = this.now();
    if (now - entry.checkedAt >= this.ttlMs || now >= entry.expiresAt) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry.viewer;
  }

  /**
   * Marks the moment a lookup starts. A session ended while the lookup was on its way may come
   * back live from a snapshot taken before the end; `set` keeps nothing looked up across a `forget`.
   */
  mark(): number {
    return this.forgets;
  }

  set(tokenHash: string, viewer: Viewer, expiresAt: Date, mark: number): void {
    if (this.ttlMs <= 0 || mark !== this.forgets) return;
    setNewest(this.entries, tokenHash, { viewer, expiresAt: expiresAt.getTime(), checkedAt: this.now() }, MAX_ENTRIES);
  }

  /** Forgets these sessions, so their next request is checked against PostgreSQL. */
  forget(sessionIds: Iterable<string>): void {
    const ended = new Set(sessionIds);
    if (ended.size === 0) return;
    this.forgets += 1;
    for (const [hash, entry] of this.entries) if (ended.has(entry.viewer.sessionId)) this.entries.delete(hash);
  }

  get size(): number {
    return this.entries.size;
  }
}
