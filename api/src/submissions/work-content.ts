import type { EvidenceItem, RichDoc } from '@lmr/domain';

/** A part as it was when submitted. */
export interface FrozenPart {
  partKey: string;
  body: RichDoc;
  evidence: EvidenceItem[];
  attachmentIds: string[];
  revision: number;
}
