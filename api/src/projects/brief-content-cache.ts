import { setNewest } from '../common/newest-first-out';
import type { BriefContent } from './brief-content';

/** Which stored brief version a read found: its key and its row's revision (PostgreSQL's `xmin`). */
export interface BriefVersionSeen {
  brief_id: string;
  brief_version: number;
  content_rev: string;
  /** Null when the statement left it out because the caller already has it. */
  content: BriefContent | null;
}

export interface BriefContentHeld {
  briefId: string;
  version: number;
  rev: string;
  content: BriefContent;
}

/** Assignments remembered at most; beyond that the longest-remembered go first. */
const MAX_ENTRIES = 2000;

/**
 * The brief content a page last read for each assignment, so that a page read again does not
 * make PostgreSQL send (and Node parse) the same two kilobytes of JSON each time.
 *
 * It is never trusted blindly: the page's statement is told which version and revision this
 * process holds, and sends the content only when the assignment's version differs or the
 * version's row has changed since (a new `xmin`: a brief version is edited in place until a
 * class is assigned it). So every process answers with what PostgreSQL holds, and costs the
 * same statements, remembered or not. The statement gets these three columns:
 *
 *   bv.brief_id, bv.version AS brief_version, bv.xmin::text AS content_rev,
 *   CASE WHEN bv.brief_id = $a AND bv.version = $b AND bv.xmin::text = $c THEN NULL ELSE bv.content END AS content
 */
export class BriefContentCache {
  private readonly entries = new Map<string, BriefContentHeld>();

  /** What this process holds for the assignment; its key goes to the statement ($a, $b, $c above). */
  held(assignmentId: string): BriefContentHeld | null {
    return this.entries.get(assignmentId) ?? null;
  }

  /**
   * The content the statement found: the one it sent, kept for next time, or, when it sent
   * none, the one held when the statement was made (kept by the caller, so another read
   * replacing the entry meanwhile does not matter).
   */
  content(assignmentId: string, seen: BriefVersionSeen, held: BriefContentHeld | null): BriefContent {
    if (seen.content) {
      setNewest(this.entries, assignmentId, { briefId: seen.brief_id, version: seen.brief_version, rev: seen.content_rev, content: seen.content }, MAX_ENTRIES);
      return seen.content;
    }
    if (!held || held.briefId !== seen.brief_id || held.version !== seen.brief_version || held.rev !== seen.content_rev) {
      throw new Error('the statement left out brief content that the read did not hold');
    }
    return held.content;
  }
}
