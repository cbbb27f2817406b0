import { useEffect, useId, useRef, useState } from 'react';
import type { RichDoc } from '@lmr/domain';
import { useFeatureI18n } from '../../app/i18n';
import type { EvidenceInput, PartEditor_PartFragment } from '../../gql/graphql';
import { Heading } from '../../ui/Heading';
import { workMessages } from './messages';
import { draftBody, draftFromPart, type PartDraft } from './partDraft';
import { RichDocView } from './RichDocView';

interface ConflictPanelProps {
  mine: PartDraft;
  theirs: PartEditor_PartFragment;
  onResolve: (choice: 'mine' | 'theirs' | { merged: PartDraft }) => void;
  /** The level of the panel's heading; each version's heading is one below. */
  level: number;
}

function union<T>(a: T[], b: T[], key: (item: T) => unknown): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((item) => !seen.has(key(item)))];
}

/**
 * Shown in place of the editor when someone else saved the part first: both versions side by
 * side, and the pupil decides. A merge by hand starts from both texts, one after the other.
 */
export function ConflictPanel({ mine, theirs, onResolve, level }: ConflictPanelProps) {
  const { t } = useFeatureI18n(workMessages);
  const titleId = useId();
  const mergeId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const theirsDraft = draftFromPart(theirs);
  const [merging, setMerging] = useState<string | null>(null);

  useEffect(() => heading.current?.focus(), []);

  const merge = (source: string): PartDraft => ({
    source,
    evidence: union<EvidenceInput>(mine.evidence, theirsDraft.evidence, (item) => item.id),
    attachmentIds: union(mine.attachmentIds, theirsDraft.attachmentIds, (id) => id),
  });

  return (
    <section className="conflict" role="group" aria-labelledby={titleId}>
      <Heading level={level} id={titleId} ref={heading} tabIndex={-1}>
        {t('conflict.title')}
      </Heading>
      <p>{t('conflict.intro')}</p>
      <div className="conflict__versions">
        <section aria-label={t('conflict.mine')} className="conflict__version">
          <Heading level={level + 1}>{t('conflict.mine')}</Heading>
          <RichDocView doc={draftBody(mine)} empty={t('conflict.empty')} />
        </section>
        <section aria-label={t('conflict.theirs')} className="conflict__version">
          <Heading level={level + 1}>{t('conflict.theirs')}</Heading>
          <RichDocView doc={theirs.body as RichDoc} empty={t('conflict.empty')} />
        </section>
      </div>
      {merging === null ? (
        <div className="conflict__actions">
          <button type="button" className="button" onClick={() => onResolve('mine')}>
            {t('conflict.keepMine')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onResolve('theirs')}>
            {t('conflict.keepTheirs')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setMerging([mine.source, theirsDraft.source].filter(Boolean).join('\n'))}>
            {t('conflict.merge')}
          </button>
        </div>
      ) : (
        <div className="conflict__merge">
          <label htmlFor={mergeId}>{t('conflict.mergeLabel')}</label>
          <textarea id={mergeId} className="rich-editor__area" rows={8} value={merging} onChange={(event) => setMerging(event.target.value)} />
          <button type="button" className="button" onClick={() => onResolve({ merged: merge(merging) })}>
            {t('conflict.saveMerged')}
          </button>
        </div>
      )}
    </section>
  );
}
