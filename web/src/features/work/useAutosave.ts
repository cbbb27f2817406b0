import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorCodeOf } from '../../app/i18n';
import { graphql } from '../../gql';
import type { EvidenceInput, PartEditor_PartFragment } from '../../gql/graphql';
import { safeHref } from '@lmr/domain';
import { draftBody, draftFromPart, readStoredDraft, removeStoredDraft, writeStoredDraft, type PartDraft } from './partDraft';

const SaveWorkPartMutation = graphql(`
  mutation SaveWorkPart($input: SaveWorkPartInput!) {
    saveWorkPart(input: $input) {
      part {
        ...PartEditor_part
      }
    }
  }
`);

export type SaveStatus = 'saved' | 'saving' | 'offline' | 'conflict' | 'error';

export const AUTOSAVE_DELAY_MS = 1500;

/** The part as the server has it, from a CONFLICT answer; undefined when the error is something else. */
function conflictingPart(error: unknown): PartEditor_PartFragment | null | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  for (const item of error.errors) {
    const extensions = item.extensions as { code?: unknown; current?: unknown } | undefined;
    if (extensions?.code === 'CONFLICT') return (extensions.current ?? null) as PartEditor_PartFragment | null;
  }
  return undefined;
}

/** Evidence the API will accept as it stands; a link is held back until it is a whole http(s) address. */
function sendableEvidence(draft: PartDraft): { evidence: EvidenceInput[]; complete: boolean } {
  let complete = true;
  const evidence = draft.evidence.flatMap((item) => {
    if (item.kind !== 'OUTSIDE_SOURCE') return [item];
    if (!item.title?.trim()) {
      complete = false;
      return [];
    }
    const url = item.url ? safeHref(item.url) : null;
    if (item.url && !url) complete = false;
    return [{ ...item, url }];
  });
  return { evidence, complete };
}

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

interface AutosaveOptions {
  workId: string;
  partKey: string;
  serverPart: PartEditor_PartFragment | null;
  delayMs?: number;
}

/**
 * Keeps one part's draft and sends it a moment after the pupil stops typing, naming the
 * revision the change started from. Until the server has it, the change waits in
 * localStorage; it is sent again on load and when the browser comes back online. A CONFLICT
 * answer is kept for the pupil to decide: nothing is overwritten or dropped without them.
 */
export function useAutosave({ workId, partKey, serverPart, delayMs = AUTOSAVE_DELAY_MS }: AutosaveOptions) {
  const [initial] = useState(() => {
    const stored = readStoredDraft(workId, partKey);
    return stored ?? { baseRevision: serverPart?.revision ?? 0, draft: draftFromPart(serverPart) };
  });
  const [draft, setDraft] = useState<PartDraft>(initial.draft);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [conflict, setConflict] = useState<PartEditor_PartFragment | null>(null);
  const [lastError, setLastError] = useState<unknown>(null);

  const latest = useRef(initial.draft);
  const baseRevision = useRef(initial.baseRevision);
  const dirty = useRef(readStoredDraft(workId, partKey) !== null);
  const inFlight = useRef(false);
  const inConflict = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [save] = useMutation(SaveWorkPartMutation);

  const remember = useCallback(() => {
    writeStoredDraft(workId, partKey, { baseRevision: baseRevision.current, draft: latest.current });
  }, [workId, partKey]);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current || inFlight.current || inConflict.current) return;
    if (isOffline()) {
      setStatus('offline');
      return;
    }
    inFlight.current = true;
    setStatus('saving');
    const sending = latest.current;
    const sendable = sendableEvidence(sending);
    let sendAgain = false;
    try {
      const { data } = await save({
        variables: {
          input: {
            workId,
            partKey,
            baseRevision: baseRevision.current,
            body: draftBody(sending),
            evidence: sendable.evidence,
            attachmentIds: sending.attachmentIds,
          },
        },
      });
      if (!data) throw new Error('saveWorkPart answered without data');
      baseRevision.current = data.saveWorkPart.part.revision;
      if (latest.current === sending) {
        dirty.current = false;
        // A source still being filled in (no title yet, half a link) stays in the browser until it is whole.
        if (sendable.complete) removeStoredDraft(workId, partKey);
        else remember();
        setStatus('saved');
      } else {
        // The pupil kept typing while this was on its way: the rest goes out next, from the new revision.
        remember();
        sendAgain = true;
      }
      setLastError(null);
    } catch (error) {
      const current = conflictingPart(error);
      if (current !== undefined) {
        inConflict.current = true;
        setConflict(current ?? { partKey, revision: 0, body: { type: 'doc', content: [] }, evidence: [], attachmentIds: [], updatedAt: null });
        setStatus('conflict');
      } else if (isOffline() || errorCodeOf(error) === 'NETWORK') {
        setStatus('offline');
      } else {
        setLastError(error);
        setStatus('error');
      }
    } finally {
      inFlight.current = false;
    }
    if (sendAgain) void flush();
  }, [workId, partKey, save, remember]);

  const update = useCallback(
    (change: (draft: PartDraft) => PartDraft) => {
      const next = change(latest.current);
      latest.current = next;
      dirty.current = true;
      setDraft(next);
      remember();
      if (!inConflict.current) {
        // Not "saved" while the change waits for the timer: submitting now would hand in the
        // previous save, so the page holds the submit button until this change is stored.
        setStatus(isOffline() ? 'offline' : 'saving');
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void flush(), delayMs);
      }
    },
    [remember, flush, delayMs],
  );

  const resolve = useCallback(
    (choice: 'mine' | 'theirs' | { merged: PartDraft }) => {
      if (!conflict) return;
      baseRevision.current = conflict.revision;
      inConflict.current = false;
      setConflict(null);
      if (choice === 'theirs') {
        const theirs = draftFromPart(conflict);
        latest.current = theirs;
        dirty.current = false;
        setDraft(theirs);
        removeStoredDraft(workId, partKey);
        setStatus('saved');
        return;
      }
      if (choice !== 'mine') {
        latest.current = choice.merged;
        setDraft(choice.merged);
      }
      dirty.current = true;
      remember();
      void flush();
    },
    [conflict, workId, partKey, remember, flush],
  );

  useEffect(() => {
    // Changes left from an earlier visit go out as soon as the page opens.
    if (dirty.current) void flush();
    const onOnline = () => void flush();
    const onOffline = () => {
      if (dirty.current && !inConflict.current) setStatus('offline');
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [flush]);

  return { draft, update, status, conflict, resolve, retry: flush, lastError };
}
