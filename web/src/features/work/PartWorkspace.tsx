import { useEffect } from 'react';
import type { RichDoc } from '@lmr/domain';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { EvidenceList_PartFragment, PartEditor_PartFragment } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Heading } from '../../ui/Heading';
import { Attachments } from './Attachments';
import { ConflictPanel } from './ConflictPanel';
import { EvidenceList, EvidenceReadOnly } from './EvidenceList';
import { workMessages } from './messages';
import { draftFromPart } from './partDraft';
import { RichDocView } from './RichDocView';
import { RichTextEditor } from './RichTextEditor';
import { useAutosave, type SaveStatus } from './useAutosave';

export const PartEditor_part = graphql(`
  fragment PartEditor_part on WorkPart {
    partKey
    revision
    body
    evidence {
      id
      kind
      objectId
      observation
      title
      author
      url
      seenOn
      note
    }
    attachmentIds
    updatedAt
  }
`);

interface PartWorkspaceProps {
  workId: string;
  partKey: string;
  title: string;
  headingId: string;
  /** The level of this part's heading: one below the step or section it belongs to. */
  level: number;
  serverPart: (PartEditor_PartFragment & EvidenceList_PartFragment) | null;
  onStatus: (partKey: string, status: SaveStatus) => void;
}

/** One part of the pupil's work (a milestone or the reflection): text, evidence and attachments, saved by themselves. */
export function PartWorkspace({ workId, partKey, title, headingId, level, serverPart, onStatus }: PartWorkspaceProps) {
  const { t } = useFeatureI18n(workMessages);
  const { draft, update, status, conflict, resolve, retry, lastError } = useAutosave({ workId, partKey, serverPart });

  useEffect(() => onStatus(partKey, status), [onStatus, partKey, status]);

  return (
    <div className="part-workspace">
      <Heading level={level} id={headingId}>
        {t('work.myResearch')}
      </Heading>
      {conflict ? (
        <ConflictPanel mine={draft} theirs={conflict} onResolve={resolve} level={level + 1} />
      ) : (
        <RichTextEditor label={t('editor.label', { part: title })} value={draft.source} onChange={(source) => update((current) => ({ ...current, source }))} />
      )}
      {status === 'error' && <ErrorMessage error={lastError} onRetry={() => void retry()} />}
      <Heading level={level + 1}>{t('evidence.title')}</Heading>
      <EvidenceList items={draft.evidence} saved={serverPart} onChange={(change) => update((current) => ({ ...current, evidence: change(current.evidence) }))} />
      <Heading level={level + 1}>{t('attachments.title')}</Heading>
      <Attachments ids={draft.attachmentIds} onChange={(change) => update((current) => ({ ...current, attachmentIds: change(current.attachmentIds) }))} />
    </div>
  );
}

/** The part as submitted or while the work is with the teacher: read only. */
export function PartReadOnly({ part, headingId, level }: { part: (PartEditor_PartFragment & EvidenceList_PartFragment) | null; headingId: string; level: number }) {
  const { t } = useFeatureI18n(workMessages);
  return (
    <div className="part-workspace">
      <Heading level={level} id={headingId}>
        {t('work.myResearch')}
      </Heading>
      <RichDocView doc={part?.body as RichDoc | undefined} empty={t('conflict.empty')} />
      {part && part.evidence.length > 0 && (
        <>
          <Heading level={level + 1}>{t('evidence.title')}</Heading>
          <EvidenceReadOnly items={draftFromPart(part).evidence} saved={part} />
        </>
      )}
      {part && part.attachmentIds.length > 0 && (
        <ul className="attachments__list">
          {part.attachmentIds.map((id, index) => (
            <li key={id} className="attachments__item">
              <a href={`/files/${id}`} target="_blank" rel="noopener noreferrer">
                {t('attachments.file', { number: index + 1 })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
