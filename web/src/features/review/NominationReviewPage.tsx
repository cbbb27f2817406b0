import { useMutation, useQuery } from '@apollo/client/react';
import { isSelected, REVIEW_CRITERIA, REVIEW_SCORE_MAX, REVIEW_SCORE_MIN, type ReviewCriterion } from '@lmr/domain';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { errorCodeOf, pickLocalized, useFeatureI18n } from '../../app/i18n';
import type { FragmentOf } from '../../app/graphql';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import type { NominationOutcome } from '../../gql/graphql';
import { BarChart } from '../../ui/BarChart';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextAreaField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { TableScroll } from '../../ui/TableScroll';
import { usePageTitle } from '../../ui/usePageTitle';
import { ShownWork } from '../exhibition/ShownWork';
import { criterionName, gradeBandName } from './labels';
import { reviewMessages } from './messages';

// Shared by the page's query and both mutations: their answers replace the page's data whole
// (NominationForReview has no id of its own for the cache to merge by).
export const NominationReviewPage_nomination = graphql(`
  fragment NominationReviewPage_nomination on NominationForReview {
    item {
      id
      ...ReviewQueueItem_item
    }
    parts {
      ...ShownWork_part
    }
    statement
    viewerIsLead
    reviews {
      reviewer {
        id
        displayName
      }
      scores {
        criterion
        score
      }
      total
      comment
      updatedAt
    }
    averages {
      criterion
      score
    }
    decisionFeedback
    revealed {
      pupilNames
      schoolName
      teacherNames
    }
  }
`);

const NominationReviewQuery = graphql(`
  query NominationReview($id: ID!) {
    nominationForReview(id: $id) {
      ...NominationReviewPage_nomination
    }
  }
`);

const ScoreNominationMutation = graphql(`
  mutation ScoreNomination($input: ScoreNominationInput!) {
    scoreNomination(input: $input) {
      nomination {
        ...NominationReviewPage_nomination
      }
    }
  }
`);

const DecideNominationMutation = graphql(`
  mutation DecideNomination($input: DecideNominationInput!) {
    decideNomination(input: $input) {
      nomination {
        ...NominationReviewPage_nomination
      }
    }
  }
`);

type Nomination = FragmentOf<typeof NominationReviewPage_nomination>;

const OUTCOMES: NominationOutcome[] = ['OUTSTANDING', 'COMMENDED', 'NOT_SELECTED'];
const scoreValues = Array.from({ length: REVIEW_SCORE_MAX - REVIEW_SCORE_MIN + 1 }, (_, i) => REVIEW_SCORE_MIN + i);

export function NominationReviewPage() {
  const { id = '' } = useParams();
  const { t, language } = useFeatureI18n(reviewMessages);
  const { data, error, refetch } = useQuery(NominationReviewQuery, { variables: { id } });
  const nomination = data?.nominationForReview;
  const label = pickLocalized(nomination?.item.label, language);
  usePageTitle(label?.text ?? t('queue.title'));

  if (!nomination) {
    if (error && errorCodeOf(error) === 'NOT_FOUND') {
      return (
        <section className="page page--narrow">
          <h1>{t('review.notFoundTitle')}</h1>
          <p>{t('review.notFoundBody')}</p>
          <p>
            <Link to="/review" className="back-link">
              {t('review.back')}
            </Link>
          </p>
        </section>
      );
    }
    if (error) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
    return <Loading />;
  }

  return <NominationReview id={id} nomination={nomination} />;
}

function NominationReview({ id, nomination }: { id: string; nomination: Nomination }) {
  const { t, language, formatDate } = useFeatureI18n(reviewMessages);
  const { item } = nomination;
  const label = pickLocalized(item.label, language);
  const title = pickLocalized(item.projectTitle, language);
  const decided = item.outcome !== null && item.outcome !== undefined;

  return (
    <article className="page review-page" aria-labelledby="review-heading">
      <p>
        <Link to="/review" className="back-link">
          {t('review.back')}
        </Link>
      </p>
      <h1 id="review-heading">
        <span lang={label?.lang}>{label?.text}</span>
        {title && (
          <span className="review-page__project" lang={title.lang}>
            {title.text}
          </span>
        )}
      </h1>

      <h2 className="visually-hidden">{t('review.facts')}</h2>
      <dl className="facts review-page__facts">
        <div>
          <dt>{t('review.theme')}</dt>
          <dd>{t(`theme.${item.theme}`)}</dd>
        </div>
        <div>
          <dt>{t('review.band')}</dt>
          <dd>{gradeBandName(item.gradeBand, language)}</dd>
        </div>
        <div>
          <dt>{t('review.season')}</dt>
          <dd>{pickLocalized(item.season.label, language)?.text}</dd>
        </div>
        <div>
          <dt>{t('review.kind')}</dt>
          <dd>{item.teamWork ? t('queue.teamWork') : t('queue.individualWork')}</dd>
        </div>
        <div>
          <dt>{t('review.nominatedAt')}</dt>
          <dd>{formatDate(String(item.nominatedAt))}</dd>
        </div>
        <div>
          <dt>{t('review.consent')}</dt>
          <dd>{item.mayBeExhibited ? t('review.consentYes') : t('review.consentNo')}</dd>
        </div>
        <div>
          <dt>{t('review.outcome')}</dt>
          <dd>{item.outcome ? t(`outcome.${item.outcome}`) : t('outcome.awaiting')}</dd>
        </div>
        {item.decidedAt != null && (
          <div>
            <dt>{t('review.decidedAt')}</dt>
            <dd>{formatDate(String(item.decidedAt))}</dd>
          </div>
        )}
      </dl>

      {nomination.revealed && (
        <section className="panel" aria-labelledby="review-revealed">
          <h2 id="review-revealed">{t('review.revealed')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('review.pupils')}</dt>
              <dd>{nomination.revealed.pupilNames.join(language === 'en' ? ', ' : '、')}</dd>
            </div>
            <div>
              <dt>{t('review.school')}</dt>
              <dd>{nomination.revealed.schoolName}</dd>
            </div>
            <div>
              <dt>{t('review.teachers')}</dt>
              <dd>{nomination.revealed.teacherNames.join(language === 'en' ? ', ' : '、')}</dd>
            </div>
          </dl>
          {nomination.decisionFeedback && (
            <>
              <h3>{t('review.decisionFeedback')}</h3>
              <p className="review-page__text">{nomination.decisionFeedback}</p>
            </>
          )}
          {isSelected(item.outcome) && (
            <p>
              <a href={`/certificates/${item.id}.pdf`} download>
                {t('review.certificate')}
              </a>
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="review-statement">
        <h2 id="review-statement">{t('review.statement')}</h2>
        <p className="review-page__text">{nomination.statement}</p>
      </section>

      <section aria-labelledby="review-work">
        <h2 id="review-work">{t('review.work')}</h2>
        <ShownWork parts={nomination.parts} />
      </section>

      <ScoreForm id={id} nomination={nomination} decided={decided} />
      {nomination.viewerIsLead && <AllScores nomination={nomination} />}
      {nomination.viewerIsLead && <DecisionForm id={id} decided={decided} />}
    </article>
  );
}

type Scores = Partial<Record<ReviewCriterion, number>>;

function scoresOf(list: readonly { criterion: string; score: number }[] | null | undefined): Scores {
  return Object.fromEntries((list ?? []).map((s) => [s.criterion, s.score]));
}

function ScoreForm({ id, nomination, decided }: { id: string; nomination: Nomination; decided: boolean }) {
  const { t, language, formatNumber } = useFeatureI18n(reviewMessages);
  const viewer = useViewer();
  const myId = viewer.status === 'signedIn' ? viewer.me.id : null;
  const mine = nomination.reviews.find((r) => r.reviewer.id === myId);
  const [scores, setScores] = useState<Scores>(() => scoresOf(nomination.item.myScores));
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [status, setStatus] = useState<'idle' | 'missing' | 'saved'>('idle');
  const formId = useId();
  const [save, { loading, error, reset }] = useMutation(ScoreNominationMutation, {
    update(cache, result) {
      const next = result.data?.scoreNomination.nomination;
      if (next) cache.writeQuery({ query: NominationReviewQuery, variables: { id }, data: { nominationForReview: next } });
    },
  });

  // The viewer's own comment arrives with the viewer's id, which may load after the page.
  useEffect(() => {
    if (mine?.comment && comment === '') setComment(mine.comment);
    // Only when the saved comment itself changes: what the educator is typing is never overwritten.
  }, [mine?.comment]);

  const complete = REVIEW_CRITERIA.every((c) => scores[c.key] !== undefined);
  const total = REVIEW_CRITERIA.reduce((sum, c) => sum + (scores[c.key] ?? 0), 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    if (!complete) {
      setStatus('missing');
      return;
    }
    setStatus('idle');
    try {
      await save({
        variables: {
          input: {
            nominationId: id,
            scores: REVIEW_CRITERIA.map((c) => ({ criterion: c.key, score: scores[c.key]! })),
            comment: comment.trim() || null,
          },
        },
      });
      setStatus('saved');
    } catch {
      // Shown from `error` below.
    }
  };

  const change = (criterion: ReviewCriterion, score: number) => {
    setStatus('idle');
    setScores((current) => ({ ...current, [criterion]: score }));
  };

  return (
    <section className="panel review-score" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('score.title')}</h2>
      <p className="field__hint">{decided ? t('score.locked') : t('score.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="review-score__fields" disabled={decided}>
          {REVIEW_CRITERIA.map((criterion) => (
            <fieldset key={criterion.key} className="review-score__criterion">
              <legend>{t('score.criterion', { criterion: criterionName(criterion.key, language) })}</legend>
              <div className="review-score__options">
                {scoreValues.map((value) => (
                  <label key={value} className="review-score__option">
                    <input
                      type="radio"
                      name={`${formId}-${criterion.key}`}
                      value={value}
                      checked={scores[criterion.key] === value}
                      onChange={() => change(criterion.key, value)}
                    />
                    <span aria-hidden="true">{formatNumber(value)}</span>
                    <span className="visually-hidden">{t('score.value', { score: formatNumber(value) })}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <p className="review-score__total">
            {t('score.total', { total: formatNumber(total), max: formatNumber(REVIEW_CRITERIA.length * REVIEW_SCORE_MAX) })}
          </p>
          <TextAreaField
            label={t('score.comment')}
            hint={t('score.commentHint')}
            rows={3}
            maxLength={1000}
            value={comment}
            onChange={(event) => {
              setStatus('idle');
              setComment(event.target.value);
            }}
          />
          {!decided && (
            <div className="form-actions">
              <button type="submit" className="button" disabled={loading}>
                {t('score.save')}
              </button>
            </div>
          )}
        </fieldset>
      </form>
      <p className="review-score__status" role="status">
        {loading ? t('score.saving') : status === 'saved' ? t('score.saved') : ''}
      </p>
      {status === 'missing' && (
        <p className="form-error" role="alert">
          {t('score.missing')}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

function AllScores({ nomination }: { nomination: Nomination }) {
  const { t, language, formatNumber, formatDate } = useFeatureI18n(reviewMessages);
  const { reviews, averages } = nomination;
  const averageOf = scoresOf(averages);
  return (
    <section className="panel review-all" aria-labelledby="review-all-heading">
      <h2 id="review-all-heading">{t('lead.title')}</h2>
      {reviews.length === 0 ? (
        <p>{t('lead.none')}</p>
      ) : (
        <>
          <TableScroll label={t('lead.tableCaption')}>
            <table className="table">
              <caption>{t('lead.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('lead.criterion')}</th>
                  {reviews.map((review) => (
                    <th key={review.reviewer.id} scope="col">
                      {review.reviewer.displayName}
                    </th>
                  ))}
                  <th scope="col">{t('lead.average')}</th>
                </tr>
              </thead>
              <tbody>
                {REVIEW_CRITERIA.map((criterion) => (
                  <tr key={criterion.key}>
                    <th scope="row">{criterionName(criterion.key, language)}</th>
                    {reviews.map((review) => (
                      <td key={review.reviewer.id}>{formatNumber(scoresOf(review.scores)[criterion.key] ?? 0)}</td>
                    ))}
                    <td>{averageOf[criterion.key] !== undefined ? formatNumber(averageOf[criterion.key]!, { maximumFractionDigits: 1 }) : '—'}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('lead.total')}</th>
                  {reviews.map((review) => (
                    <td key={review.reviewer.id}>{formatNumber(review.total)}</td>
                  ))}
                  <td>{averages ? formatNumber(averages.reduce((sum, s) => sum + s.score, 0), { maximumFractionDigits: 1 }) : '—'}</td>
                </tr>
              </tbody>
            </table>
          </TableScroll>
          <BarChart
            title={t('lead.chart')}
            series={REVIEW_CRITERIA.map((c) => ({ key: c.key, label: criterionName(c.key, language) }))}
            rows={reviews.map((review) => ({ key: review.reviewer.id, label: review.reviewer.displayName, values: scoresOf(review.scores) }))}
            format={(value) => formatNumber(value)}
            max={REVIEW_CRITERIA.length * REVIEW_SCORE_MAX}
          />
          <h3>{t('lead.comments')}</h3>
          <ul className="review-all__comments">
            {reviews.map((review) => (
              <li key={review.reviewer.id}>
                <strong>{review.reviewer.displayName}</strong> · {t('lead.updatedAt', { date: formatDate(String(review.updatedAt)) })}
                <p className="review-page__text">{review.comment || t('lead.noComment')}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DecisionForm({ id, decided }: { id: string; decided: boolean }) {
  const { t } = useFeatureI18n(reviewMessages);
  const formId = useId();
  const [outcome, setOutcome] = useState<NominationOutcome | null>(null);
  const [feedback, setFeedback] = useState('');
  const [problem, setProblem] = useState<'outcome' | 'feedback' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const [decide, { loading, error }] = useMutation(DecideNominationMutation, {
    update(cache, result) {
      const next = result.data?.decideNomination.nomination;
      if (next) cache.writeQuery({ query: NominationReviewQuery, variables: { id }, data: { nominationForReview: next } });
    },
  });

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) return setProblem('outcome');
    if (feedback.trim() === '') return setProblem('feedback');
    setProblem(null);
    setConfirming(true);
  };

  const confirm = async () => {
    if (!outcome) return;
    try {
      await decide({ variables: { input: { nominationId: id, outcome, feedback: feedback.trim() } } });
      setDone(true);
    } catch {
      // Shown from `error` below.
    } finally {
      setConfirming(false);
    }
  };

  // The live region stays mounted through the decision, so its confirmation is announced.
  const announcement = (
    <p className={done ? 'notice' : undefined} role="status">
      {done ? t('decide.done') : ''}
    </p>
  );

  return (
    <>
      {announcement}
      {!decided && (
        <section className="panel review-decide" aria-labelledby={`${formId}-title`}>
          <h2 id={`${formId}-title`}>{t('decide.title')}</h2>
          <p className="field__hint">{t('decide.intro')}</p>
          <form onSubmit={ask} noValidate>
            <fieldset className="review-decide__outcomes" aria-describedby={problem === 'outcome' ? `${formId}-outcome-error` : undefined}>
              <legend>{t('decide.outcome')}</legend>
              {OUTCOMES.map((value) => (
                <label key={value} className="choice">
                  <input type="radio" name={`${formId}-outcome`} value={value} checked={outcome === value} onChange={() => setOutcome(value)} />
                  {t(`outcome.${value}`)}
                </label>
              ))}
              {problem === 'outcome' && (
                <p id={`${formId}-outcome-error`} className="field__error">
                  {t('decide.outcomeRequired')}
                </p>
              )}
            </fieldset>
            <TextAreaField
              label={t('decide.feedback')}
              hint={t('decide.feedbackHint')}
              error={problem === 'feedback' ? t('decide.feedbackRequired') : null}
              rows={4}
              maxLength={2000}
              required
              value={feedback}
              onChange={(event) => setFeedback(event.target.value)}
            />
            <div className="form-actions">
              <button type="submit" className="button">
                {t('decide.submit')}
              </button>
            </div>
          </form>
          {error && <ErrorMessage error={error} />}
          <ConfirmDialog
            open={confirming}
            title={t('decide.confirmTitle', { outcome: outcome ? t(`outcome.${outcome}`) : '' })}
            confirmLabel={t('decide.confirm')}
            busy={loading}
            onConfirm={() => void confirm()}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('decide.confirmBody')}</p>
          </ConfirmDialog>
        </section>
      )}
    </>
  );
}
