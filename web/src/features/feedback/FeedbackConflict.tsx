import { useEffect, useId, useRef } from 'react';
import { useFeatureI18n } from '../../app/i18n';
import type { RubricForm_CriterionFragment } from '../../gql/graphql';
import { LocalizedTextView } from '../collection/LocalizedTextView';
import { feedbackMessages } from './messages';
import type { FeedbackDraft } from './feedbackDraft';

interface FeedbackConflictProps {
  rubric: RubricForm_CriterionFragment[];
  mine: FeedbackDraft;
  theirs: FeedbackDraft;
  busy: boolean;
  onKeepTheirs: () => void;
  onOverwrite: () => void;
}

function Summary({ rubric, draft }: { rubric: RubricForm_CriterionFragment[]; draft: FeedbackDraft }) {
  const { t } = useFeatureI18n(feedbackMessages);
  return (
    <>
      <dl className="grading-conflict__levels">
        {rubric.map((criterion) => {
          const chosen = draft.levels[criterion.key];
          const level = chosen?.level != null ? criterion.levels[chosen.level] : undefined;
          return (
            <div key={criterion.key}>
              <dt>
                <LocalizedTextView value={criterion.title} />
              </dt>
              <dd>
                {level ? (
                  <>
                    {t('rubric.points', { points: level.points })} · <LocalizedTextView value={level.descriptor} />
                  </>
                ) : (
                  t('conflict.none')
                )}
                {chosen?.comment ? <span className="grading-conflict__comment">{chosen.comment}</span> : null}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="grading-conflict__overall">{draft.overall || t('conflict.noComment')}</p>
    </>
  );
}

/**
 * Shown when another teacher saved this marking after it was opened: both side by side, and
 * nothing is lost until the teacher chooses.
 */
export function FeedbackConflict({ rubric, mine, theirs, busy, onKeepTheirs, onOverwrite }: FeedbackConflictProps) {
  const { t } = useFeatureI18n(feedbackMessages);
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="grading-conflict" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        {t('conflict.title')}
      </h3>
      <p>{t('conflict.intro')}</p>
      <div className="grading-conflict__versions">
        <section className="grading-conflict__version" aria-label={t('conflict.theirs')}>
          <h4>{t('conflict.theirs')}</h4>
          <Summary rubric={rubric} draft={theirs} />
        </section>
        <section className="grading-conflict__version" aria-label={t('conflict.mine')}>
          <h4>{t('conflict.mine')}</h4>
          <Summary rubric={rubric} draft={mine} />
        </section>
      </div>
      <div className="grading-conflict__actions">
        <button type="button" className="button button--secondary" disabled={busy} onClick={onKeepTheirs}>
          {t('conflict.keepTheirs')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onOverwrite}>
          {t('conflict.overwrite')}
        </button>
      </div>
    </section>
  );
}
