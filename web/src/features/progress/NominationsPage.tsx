import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { progressMessages } from './messages';

const NominationsPageQuery = graphql(`
  query NominationsPage($classId: ID!) {
    class(id: $classId) {
      id
      name
    }
    classNominations(classId: $classId) {
      id
      assignmentId
      versionId
      state
      statement
      guardianConsent
      consentRecordedAt
      consentWithdrawnAt
      creditStyle
      createdAt
      outcome
      decisionFeedback
      exhibitionPath
      certificateUrl
    }
  }
`);

const WithdrawConsentMutation = graphql(`
  mutation WithdrawConsent($input: WithdrawConsentInput!) {
    withdrawConsent(input: $input) {
      nomination {
        id
        state
        consentWithdrawnAt
        exhibitionPath
      }
    }
  }
`);

const dateOnly: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

/** The class's nominations, newest first, and the one thing a teacher may still change: consent withdrawn. */
export function NominationsPage() {
  const { t, formatDate } = useFeatureI18n(progressMessages);
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(NominationsPageQuery, { variables: { classId: id }, fetchPolicy: 'cache-and-network' });
  const [withdraw, { loading }] = useMutation(WithdrawConsentMutation);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [withdrawError, setWithdrawError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  usePageTitle(data ? t('nominations.title', { className: data.class.name }) : t('nominations.titleShort'));

  if (!data) {
    return <section className="page">{error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />}</section>;
  }

  const onWithdraw = async () => {
    if (!confirming) return;
    setWithdrawError(null);
    try {
      // The answer updates the nomination in the cache by its id.
      await withdraw({ variables: { input: { nominationId: confirming } } });
      setConfirming(null);
      setDone(true);
    } catch (caught) {
      setWithdrawError(caught);
    }
  };

  return (
    <section className="page nominations-page" aria-labelledby="nominations-heading">
      <p className="back-link">
        <Link to={`/classes/${encodeURIComponent(id)}`}>← {t('nominations.back')}</Link>
      </p>
      <h1 id="nominations-heading">{t('nominations.title', { className: data.class.name })}</h1>
      <p role="status">{done ? t('nominations.withdrawn') : ''}</p>
      {data.classNominations.length === 0 ? (
        <p className="empty-state">{t('nominations.empty')}</p>
      ) : (
        <ul className="nominations-list" aria-label={t('nominations.titleShort')}>
          {data.classNominations.map((nomination) => (
            <li key={nomination.id}>
              <article className="card nominations-card" aria-labelledby={`nomination-${nomination.id}`}>
                <h2 id={`nomination-${nomination.id}`} className="card__title">
                  {t('nominations.nominatedOn', { date: formatDate(String(nomination.createdAt), dateOnly) })}
                </h2>
                <p>
                  <span className={`progress-badge nominations-card__state--${nomination.state.toLowerCase()}`}>{t(`nominations.state.${nomination.state}`)}</span>
                  {nomination.outcome && <span className="progress-badge progress-badge--graded">{t(`nominations.outcome.${nomination.outcome}`)}</span>}
                </p>
                <dl className="facts">
                  <div>
                    <dt>{t('nominations.statement')}</dt>
                    <dd>{nomination.statement}</dd>
                  </div>
                  <div>
                    <dt>{t('nominations.consent')}</dt>
                    <dd>
                      {nomination.consentWithdrawnAt
                        ? t('nominations.consentWithdrawn', { date: formatDate(String(nomination.consentWithdrawnAt), dateOnly) })
                        : nomination.guardianConsent
                          ? t('nominations.consentYes', { date: formatDate(String(nomination.consentRecordedAt), dateOnly) })
                          : t('nominations.consentNo')}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('nominations.credit')}</dt>
                    <dd>{t(`credit.${nomination.creditStyle}`)}</dd>
                  </div>
                  {nomination.decisionFeedback && (
                    <div>
                      <dt>{t('nominations.feedback')}</dt>
                      <dd>{nomination.decisionFeedback}</dd>
                    </div>
                  )}
                </dl>
                <ul className="nominations-card__links">
                  <li>
                    <Link to={`/assignments/${encodeURIComponent(nomination.assignmentId)}/grading/${encodeURIComponent(nomination.versionId)}`}>{t('nominations.work')}</Link>
                  </li>
                  {nomination.exhibitionPath && (
                    <li>
                      <Link to={nomination.exhibitionPath}>{t('nominations.exhibition')}</Link>
                    </li>
                  )}
                  {nomination.certificateUrl && (
                    <li>
                      <a href={nomination.certificateUrl} target="_blank" rel="noopener noreferrer">
                        {t('nominations.certificate')}
                      </a>
                    </li>
                  )}
                </ul>
                {!nomination.consentWithdrawnAt && (
                  <button type="button" className="button button--danger button--small" onClick={() => setConfirming(nomination.id)}>
                    {t('nominations.withdraw')}
                  </button>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t('nominations.withdrawTitle')}
        confirmLabel={t('nominations.withdraw')}
        busy={loading}
        onConfirm={() => void onWithdraw()}
        onCancel={() => {
          setConfirming(null);
          setWithdrawError(null);
        }}
      >
        <p>{t('nominations.withdrawBody')}</p>
        {withdrawError !== null && <ErrorMessage error={withdrawError} />}
      </ConfirmDialog>
    </section>
  );
}
