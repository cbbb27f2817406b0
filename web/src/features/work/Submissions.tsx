import { useLazyQuery, useMutation } from '@apollo/client/react';
import { canSubmitAfter, nextStatus, PROJECT_SCOPE } from '@lmr/domain';
import { useRef, useState } from 'react';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { AttemptList_VersionFragment } from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { workMessages } from './messages';
import { newIdempotencyKey } from './partDraft';

export const AttemptList_version = graphql(`
  fragment AttemptList_version on WorkVersion {
    id
    attempt
    status
    late
    submittedAt
    opened
    scope
    feedback {
      versionId
      overallComment
      released
      score
      maxPoints
      comments {
        id
        partKey
        text
      }
    }
  }
`);

const SubmitWorkMutation = graphql(`
  mutation SubmitWork($input: SubmitWorkInput!) {
    submitWork(input: $input) {
      version {
        ...AttemptList_version
      }
    }
  }
`);

const WithdrawSubmissionMutation = graphql(`
  mutation WithdrawSubmission($input: SubmissionIdInput!) {
    withdrawSubmission(input: $input) {
      version {
        ...AttemptList_version
      }
    }
  }
`);

const CompareAttemptsQuery = graphql(`
  query CompareAttempts($fromVersionId: ID!, $toVersionId: ID!) {
    compareWorkVersions(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {
      partKey
      lines {
        op
        text
      }
    }
  }
`);

interface SubmitButtonProps {
  workId: string;
  scope: string;
  versions: AttemptList_VersionFragment[];
  allSaved: boolean;
  onSubmitted: () => Promise<unknown>;
}

/**
 * One submit intent keeps one idempotency key: a double tap, or "try again" after a timeout,
 * sends the same key, so the API answers with the same attempt instead of making a second.
 * The key is forgotten only when the submit has succeeded.
 */
export function SubmitButton({ workId, scope, versions, allSaved, onSubmitted }: SubmitButtonProps) {
  const { t } = useFeatureI18n(workMessages);
  const [submit, { loading }] = useMutation(SubmitWorkMutation);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const intent = useRef<string | null>(null);
  const latest = versions.find((version) => version.scope === scope) ?? null;
  if (!canSubmitAfter(latest?.status ?? null)) return null;

  const send = async () => {
    intent.current ??= newIdempotencyKey();
    setError(null);
    try {
      await submit({ variables: { input: { workId, scope, idempotencyKey: intent.current } } });
      intent.current = null;
      setConfirming(false);
      await onSubmitted();
    } catch (caught) {
      setError(caught);
    }
  };

  const label = t(scope === PROJECT_SCOPE ? 'submit.project' : 'submit.milestone');
  return (
    <div className="submit-work">
      <button type="button" className={`button${scope === PROJECT_SCOPE ? ' button--large' : ' button--secondary'}`} disabled={!allSaved || loading} onClick={() => setConfirming(true)}>
        {label}
      </button>
      {!allSaved && <p className="field__hint">{t('submit.waitForSave')}</p>}
      <ConfirmDialog open={confirming} title={t('submit.confirmTitle')} confirmLabel={t('submit.confirm')} busy={loading} onConfirm={() => void send()} onCancel={() => setConfirming(false)}>
        <p>{t('submit.confirmBody')}</p>
        {error !== null && <ErrorMessage error={error} />}
      </ConfirmDialog>
    </div>
  );
}

function Compare({ from, to }: { from: string; to: string }) {
  const { t, errorMessage } = useFeatureI18n(workMessages);
  const [load, { data, error, called }] = useLazyQuery(CompareAttemptsQuery);
  const [open, setOpen] = useState(false);
  return (
    <div className="compare">
      <button
        type="button"
        className="button button--secondary button--small"
        aria-expanded={open}
        onClick={() => {
          if (!called) void load({ variables: { fromVersionId: from, toVersionId: to } }).catch(() => undefined);
          setOpen(!open);
        }}
      >
        {t(open ? 'attempts.hideCompare' : 'attempts.compare')}
      </button>
      {open && error && <p role="alert">{errorMessage(error)}</p>}
      {open && data && (
        <div className="compare__parts">
          {data.compareWorkVersions.every((part) => part.lines.every((line) => line.op === 'same')) && <p>{t('attempts.noChanges')}</p>}
          {data.compareWorkVersions.map((part) => (
            <ul key={part.partKey} className="compare__lines">
              {part.lines.map((line, index) => (
                <li key={index} className={`compare__line compare__line--${line.op}`}>
                  {line.op !== 'same' && <span className="visually-hidden">{t(line.op === 'added' ? 'attempts.added' : 'attempts.removed')}: </span>}
                  {line.op === 'added' ? '+ ' : line.op === 'removed' ? '− ' : '  '}
                  {line.text}
                </li>
              ))}
            </ul>
          ))}
        </div>
      )}
    </div>
  );
}

interface AttemptListProps {
  versions: AttemptList_VersionFragment[];
  scopeTitle: (scope: string) => string;
  onChanged: () => Promise<unknown>;
}

/** Every attempt, newest first, with its feedback; the newest of a scope can be taken back until a teacher opens it. */
export function AttemptList({ versions, scopeTitle, onChanged }: AttemptListProps) {
  const { t, formatDate } = useFeatureI18n(workMessages);
  const [withdraw, { loading }] = useMutation(WithdrawSubmissionMutation);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (versions.length === 0) return null;
  return (
    <section className="attempts" aria-labelledby="attempts-heading">
      <h2 id="attempts-heading">{t('attempts.title')}</h2>
      <ol className="attempts__list">
        {versions.map((version, index) => {
          const previous = versions.slice(index + 1).find((other) => other.scope === version.scope);
          const isLatest = versions.findIndex((other) => other.scope === version.scope) === index;
          const canWithdraw = isLatest && nextStatus(version.status, 'WITHDRAW', { openedByTeacher: version.opened }) !== null;
          const feedback = version.feedback;
          return (
            <li key={version.id} className="attempt card">
              <h3 className="attempt__title">
                {scopeTitle(version.scope)} · {t('attempts.attempt', { attempt: version.attempt })}
              </h3>
              <p className="card__meta">
                {t('attempts.submittedAt', { date: formatDate(String(version.submittedAt), { dateStyle: 'medium', timeStyle: 'short' }) })}
                {version.late && <span className="badge attempt__late">{t('attempts.late')}</span>}
              </p>
              <p className="attempt__status">{t(`attempts.status.${version.status}`)}</p>
              {feedback && (feedback.overallComment || feedback.comments.length > 0 || (feedback.released && feedback.score != null)) && (
                <div className="attempt__feedback">
                  <h4>{t('attempts.feedback')}</h4>
                  {feedback.released && feedback.score != null && <p>{t('attempts.score', { score: feedback.score, max: feedback.maxPoints })}</p>}
                  {feedback.overallComment && <p>{feedback.overallComment}</p>}
                  {feedback.comments.length > 0 && (
                    <ul>
                      {feedback.comments.map((comment) => (
                        <li key={comment.id}>
                          {scopeTitle(comment.partKey)}: {comment.text}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
              {canWithdraw && (
                <button type="button" className="button button--secondary" onClick={() => setWithdrawing(version.id)}>
                  {t('attempts.withdraw')}
                </button>
              )}
              {previous && <Compare from={previous.id} to={version.id} />}
            </li>
          );
        })}
      </ol>
      <ConfirmDialog
        open={withdrawing !== null}
        title={t('attempts.withdrawTitle')}
        confirmLabel={t('attempts.withdraw')}
        busy={loading}
        onCancel={() => setWithdrawing(null)}
        onConfirm={() => {
          if (!withdrawing) return;
          setError(null);
          withdraw({ variables: { input: { versionId: withdrawing } } })
            .then(async () => {
              setWithdrawing(null);
              await onChanged();
            })
            .catch(setError);
        }}
      >
        <p>{t('attempts.withdrawBody')}</p>
        {error !== null && <ErrorMessage error={error} />}
      </ConfirmDialog>
    </section>
  );
}
