/**
 * The life of a submitted attempt. The API enforces these rules; the portal asks the same
 * functions what to offer.
 *
 *   SUBMITTED ──withdraw (pupil, before a teacher opens it)──▶ WITHDRAWN
 *   SUBMITTED ──return for revision (teacher)──▶ RETURNED
 *   SUBMITTED ──grade (teacher)──▶ GRADED
 *
 * A new attempt in the same scope may be submitted when there is none yet, or the latest is
 * WITHDRAWN or RETURNED. GRADED is final.
 */
export const SUBMISSION_STATUSES = ['SUBMITTED', 'WITHDRAWN', 'RETURNED', 'GRADED'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export type SubmissionAction = 'WITHDRAW' | 'RETURN' | 'GRADE';

const TRANSITIONS: Record<SubmissionStatus, Partial<Record<SubmissionAction, SubmissionStatus>>> = {
  SUBMITTED: { WITHDRAW: 'WITHDRAWN', RETURN: 'RETURNED', GRADE: 'GRADED' },
  WITHDRAWN: {},
  RETURNED: {},
  GRADED: {},
};

/** The status an action leads to, or null when it is not allowed from this status. */
export function nextStatus(from: SubmissionStatus, action: SubmissionAction, opts: { openedByTeacher?: boolean } = {}): SubmissionStatus | null {
  if (action === 'WITHDRAW' && opts.openedByTeacher) return null;
  return TRANSITIONS[from][action] ?? null;
}

/** Whether a new attempt may be submitted after the latest one in its scope (null: none yet). */
export function canSubmitAfter(latest: SubmissionStatus | null): boolean {
  return latest === null || latest === 'WITHDRAWN' || latest === 'RETURNED';
}

/** Whether the pupil may still change the draft: not while an attempt waits for the teacher or after grading. */
export function canEditDraft(latestProject: SubmissionStatus | null): boolean {
  return latestProject !== 'SUBMITTED' && latestProject !== 'GRADED';
}

/** What a teacher or pupil sees for one milestone (or the project) of a piece of work. */
export type ProgressState = 'NOT_STARTED' | 'DRAFTING' | 'SUBMITTED' | 'RETURNED' | 'GRADED';

export function progressState(latest: SubmissionStatus | null, hasDraft: boolean): ProgressState {
  if (latest === 'SUBMITTED' || latest === 'RETURNED' || latest === 'GRADED') return latest;
  return hasDraft ? 'DRAFTING' : 'NOT_STARTED';
}
