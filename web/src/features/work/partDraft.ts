import type { RichDoc } from '@lmr/domain';
import type { EvidenceInput, PartEditor_PartFragment } from '../../gql/graphql';
import { docToSource, sourceToDoc } from './richTextSource';

/** What the pupil is editing in one part: the text as typed, the evidence and the attached files. */
export interface PartDraft {
  source: string;
  evidence: EvidenceInput[];
  attachmentIds: string[];
}

export const emptyDraft: PartDraft = { source: '', evidence: [], attachmentIds: [] };

export function draftFromPart(part: PartEditor_PartFragment | null | undefined): PartDraft {
  if (!part) return emptyDraft;
  return {
    source: docToSource(part.body as RichDoc),
    evidence: part.evidence.map(({ id, kind, objectId, observation, title, author, url, seenOn, note }) => ({
      id,
      kind,
      objectId,
      observation,
      title,
      author,
      url,
      seenOn,
      note,
    })),
    attachmentIds: [...part.attachmentIds],
  };
}

export function draftBody(draft: PartDraft): RichDoc {
  return sourceToDoc(draft.source);
}

/**
 * Unsent changes wait in localStorage, one entry per work and part, with the revision they
 * started from, so a reload or a dead battery does not lose them.
 */
export interface StoredDraft {
  baseRevision: number;
  draft: PartDraft;
}

export const storageKey = (workId: string, partKey: string) => `lmr.work.${workId}.${partKey}`;

export function readStoredDraft(workId: string, partKey: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(storageKey(workId, partKey));
    if (!raw) return null;
    const value = JSON.parse(raw) as StoredDraft;
    return typeof value.baseRevision === 'number' && typeof value.draft?.source === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function writeStoredDraft(workId: string, partKey: string, value: StoredDraft): boolean {
  try {
    window.localStorage.setItem(storageKey(workId, partKey), JSON.stringify(value));
    return true;
  } catch {
    // Storage full or blocked (private mode): the change still lives in memory and is sent when possible.
    return false;
  }
}

export function removeStoredDraft(workId: string, partKey: string) {
  try {
    window.localStorage.removeItem(storageKey(workId, partKey));
  } catch {
    // Nothing to clean up when storage is blocked.
  }
}

/** A random id for an evidence item, in the form the API accepts. */
export function newLocalId(prefix: string): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * A v4 UUID. crypto.randomUUID exists only in secure contexts, and classroom tablets may reach
 * the portal over plain http on the school network, so fall back to getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
