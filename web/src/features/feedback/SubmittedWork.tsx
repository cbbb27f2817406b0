import type { RichDoc } from '@lmr/domain';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { PartCommentView_CommentFragment, SubmittedWork_PartFragment } from '../../gql/graphql';
import { TextAreaField } from '../../ui/Field';
import { LocalizedTextView } from '../collection/LocalizedTextView';
import { RichDocView } from '../work/RichDocView';
import { feedbackMessages } from './messages';

export const SubmittedWork_part = graphql(`
  fragment SubmittedWork_part on WorkPart {
    partKey
    body
    attachmentIds
    evidence {
      id
      kind
      objectId
      object {
        id
        accessionNumber
        title {
          zh
          en
        }
      }
      observation
      title
      author
      url
      seenOn
      note
    }
  }
`);

export const PartCommentView_comment = graphql(`
  fragment PartCommentView_comment on PartComment {
    id
    partKey
    evidenceId
    text
    createdAt
  }
`);

export interface PartHeading {
  key: string;
  title: string;
}

interface CommentsProps {
  comments: PartCommentView_CommentFragment[];
  /** False once the attempt is decided: comments are then read only. */
  editable: boolean;
  addLabel: string;
  onAdd: (text: string) => Promise<boolean>;
  onDelete: (id: string) => void;
}

function Comments({ comments, editable, addLabel, onAdd, onDelete }: CommentsProps) {
  const { t } = useFeatureI18n(feedbackMessages);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    setBusy(true);
    if (await onAdd(text.trim())) setText('');
    setBusy(false);
  };

  return (
    <div className="grading-comments">
      {comments.length > 0 && (
        <ul className="grading-comments__list">
          {comments.map((comment) => (
            <li key={comment.id} className="grading-comments__item">
              <p>{comment.text}</p>
              {editable && (
                <button type="button" className="button button--secondary button--small" aria-label={t('comments.deleteNamed', { text: comment.text })} onClick={() => onDelete(comment.id)}>
                  {t('comments.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form className="grading-comments__form" onSubmit={(event) => void submit(event)}>
          <TextAreaField label={t('comments.add')} rows={2} value={text} maxLength={2000} onChange={(event) => setText(event.target.value)} />
          <button type="submit" className="button button--secondary button--small" disabled={busy || text.trim() === ''}>
            {addLabel}
          </button>
        </form>
      )}
    </div>
  );
}

interface SubmittedWorkProps {
  parts: SubmittedWork_PartFragment[];
  /** The assignment's milestones (and the reflection) in order, with their titles. */
  headings: PartHeading[];
  comments: PartCommentView_CommentFragment[];
  editable: boolean;
  onAddComment: (partKey: string, evidenceId: string | null, text: string) => Promise<boolean>;
  onDeleteComment: (id: string) => void;
}

/** The submitted attempt part by part, read only, with the teacher's comments beside each part and evidence item. */
export function SubmittedWork({ parts, headings, comments, editable, onAddComment, onDeleteComment }: SubmittedWorkProps) {
  const { t, formatDate } = useFeatureI18n(feedbackMessages);
  const headingId = useId();
  const order = new Map(headings.map((heading, index) => [heading.key, index]));
  const sorted = [...parts].sort((a, b) => (order.get(a.partKey) ?? 99) - (order.get(b.partKey) ?? 99));

  return (
    <section className="grading-work" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('grading.work')}</h2>
      {sorted.map((part, index) => {
        const title = headings.find((heading) => heading.key === part.partKey)?.title ?? t('grading.partUntitled', { number: index + 1 });
        const partComments = comments.filter((comment) => comment.partKey === part.partKey && !comment.evidenceId);
        return (
          <article key={part.partKey} className="grading-part" aria-labelledby={`${headingId}-${part.partKey}`}>
            <h3 id={`${headingId}-${part.partKey}`}>{title}</h3>
            <RichDocView doc={part.body as RichDoc} empty={t('grading.emptyPart')} />
            {part.attachmentIds.length > 0 && (
              <>
                <h4>{t('grading.files')}</h4>
                <ul className="grading-part__files">
                  {part.attachmentIds.map((id, fileIndex) => (
                    <li key={id}>
                      <a href={`/files/${encodeURIComponent(id)}`} target="_blank" rel="noopener noreferrer">
                        {t('grading.file', { number: fileIndex + 1 })}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {part.evidence.length > 0 && (
              <>
                <h4>{t('grading.evidence')}</h4>
                <ul className="grading-part__evidence">
                  {part.evidence.map((item) => (
                    <li key={item.id} className="grading-evidence">
                      {item.kind === 'COLLECTION_OBJECT' ? (
                        <p className="grading-evidence__kind">
                          {t('grading.evidenceObject')}
                          {': '}
                          {item.object ? (
                            <Link to={`/collection/${encodeURIComponent(item.object.id)}`} target="_blank">
                              <LocalizedTextView value={item.object.title} fallback={item.object.accessionNumber} />
                            </Link>
                          ) : (
                            t('grading.objectGone')
                          )}
                        </p>
                      ) : (
                        <p className="grading-evidence__kind">
                          {t('grading.evidenceOutside')}: {item.title}
                        </p>
                      )}
                      {item.observation && <p>{t('grading.observation', { text: item.observation })}</p>}
                      {item.author && <p>{t('grading.by', { author: item.author })}</p>}
                      {item.url && (
                        <p className="grading-evidence__url">
                          {/* Only http(s) addresses become links: a pupil's text must never run script. */}
                          {/^https?:\/\//i.test(item.url) ? (
                            <a href={item.url} target="_blank" rel="noopener noreferrer">
                              {item.url}
                            </a>
                          ) : (
                            item.url
                          )}
                        </p>
                      )}
                      {item.seenOn && <p>{t('grading.seenOn', { date: formatDate(item.seenOn, { dateStyle: 'medium' }) })}</p>}
                      {item.note && <p>{t('grading.note', { text: item.note })}</p>}
                      <div className="grading-evidence__comments" role="group" aria-label={t('comments.onEvidence')}>
                        <Comments
                          comments={comments.filter((comment) => comment.evidenceId === item.id)}
                          editable={editable}
                          addLabel={t('comments.addEvidenceButton')}
                          onAdd={(text) => onAddComment(part.partKey, item.id, text)}
                          onDelete={onDeleteComment}
                        />
                      </div>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h4>{t('comments.title')}</h4>
            {partComments.length === 0 && !editable && <p className="field__hint">{t('comments.empty')}</p>}
            <Comments comments={partComments} editable={editable} addLabel={t('comments.addButton')} onAdd={(text) => onAddComment(part.partKey, null, text)} onDelete={onDeleteComment} />
          </article>
        );
      })}
    </section>
  );
}
