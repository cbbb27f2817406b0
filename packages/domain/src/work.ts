import { safeHref } from './rich-text.js';

/** The reflection part of a piece of work; every other part is keyed by its milestone. */
export const REFLECTION_PART = 'REFLECTION';
/** The scope of a submission of the whole project. */
export const PROJECT_SCOPE = 'PROJECT';

export type EvidenceItem =
  | { id: string; kind: 'COLLECTION_OBJECT'; objectId: string; observation: string }
  | { id: string; kind: 'OUTSIDE_SOURCE'; title: string; author: string | null; url: string | null; seenOn: string | null; note: string | null };

export const MAX_EVIDENCE_ITEMS = 50;
export const MAX_ATTACHMENTS_PER_PART = 20;

export interface EvidenceProblem {
  index: number;
  field: string;
  problem: 'REQUIRED' | 'TOO_LONG' | 'INVALID';
}

/** Checks evidence items as the pupil sends them; returns cleaned items or the problems. */
export function checkEvidence(items: unknown[]): { items: EvidenceItem[]; problems: EvidenceProblem[] } {
  const problems: EvidenceProblem[] = [];
  const out: EvidenceItem[] = [];
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max + 1) : '');
  items.slice(0, MAX_EVIDENCE_ITEMS + 1).forEach((raw, index) => {
    const item = (raw ?? {}) as Record<string, unknown>;
    const id = typeof item.id === 'string' && /^[\w-]{1,64}$/.test(item.id) ? item.id : `e${index + 1}`;
    if (item.kind === 'COLLECTION_OBJECT') {
      const observation = text(item.observation, 4000);
      if (typeof item.objectId !== 'string' || !/^[0-9a-f-]{36}$/i.test(item.objectId)) problems.push({ index, field: 'objectId', problem: 'INVALID' });
      if (observation.length > 4000) problems.push({ index, field: 'observation', problem: 'TOO_LONG' });
      out.push({ id, kind: 'COLLECTION_OBJECT', objectId: String(item.objectId), observation });
    } else if (item.kind === 'OUTSIDE_SOURCE') {
      const title = text(item.title, 300);
      if (title === '') problems.push({ index, field: 'title', problem: 'REQUIRED' });
      if (title.length > 300) problems.push({ index, field: 'title', problem: 'TOO_LONG' });
      const url = item.url ? safeHref(item.url) : null;
      if (item.url && !url) problems.push({ index, field: 'url', problem: 'INVALID' });
      const seenOn = typeof item.seenOn === 'string' && item.seenOn !== '' ? item.seenOn : null;
      if (seenOn && !/^\d{4}-\d{2}-\d{2}$/.test(seenOn)) problems.push({ index, field: 'seenOn', problem: 'INVALID' });
      out.push({ id, kind: 'OUTSIDE_SOURCE', title, author: text(item.author, 200) || null, url, seenOn, note: text(item.note, 4000) || null });
    } else {
      problems.push({ index, field: 'kind', problem: 'INVALID' });
    }
  });
  if (items.length > MAX_EVIDENCE_ITEMS) problems.push({ index: MAX_EVIDENCE_ITEMS, field: 'evidence', problem: 'TOO_LONG' });
  return { items: out, problems };
}
