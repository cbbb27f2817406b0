import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorCodeOf, pickLocalized, useFeatureI18n } from '../../app/i18n';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { TableScroll } from '../../ui/TableScroll';
import { LocalizedTextView } from '../collection/LocalizedTextView';
import { ThemeChips } from '../collection/ThemeChips';
import { briefsMessages } from './messages';

const BriefPageQuery = graphql(`
  query BriefPage($id: ID!) {
    brief(id: $id) {
      id
      version
      status
      editable
      inLibrary
      theme
      gradeFrom
      gradeTo
      maxPoints
      title {
        zh
        en
      }
      drivingQuestion {
        zh
        en
      }
      learningGoals {
        zh
        en
      }
      milestones {
        key
        title {
          zh
          en
        }
        prompt {
          zh
          en
        }
        handIn {
          zh
          en
        }
      }
      rubric {
        key
        title {
          zh
          en
        }
        levels {
          points
          descriptor {
            zh
            en
          }
        }
      }
      suggestedObjects {
        id
        accessionNumber
        title {
          zh
          en
        }
      }
    }
  }
`);

const CopyBriefMutation = graphql(`
  mutation CopyBrief($input: BriefIdInput!) {
    copyBrief(input: $input) {
      brief {
        id
      }
    }
  }
`);

const PublishBriefMutation = graphql(`
  mutation PublishBrief($input: BriefIdInput!) {
    publishBrief(input: $input) {
      brief {
        id
        status
      }
    }
  }
`);

function BackLink() {
  const { t } = useFeatureI18n(briefsMessages);
  return (
    <p className="back-link">
      <Link to="/briefs">← {t('brief.back')}</Link>
    </p>
  );
}

export function BriefPage() {
  const { t, language, formatNumber } = useFeatureI18n(briefsMessages);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const viewer = useViewer();
  const role = viewer.status === 'signedIn' ? viewer.me.role : null;
  const { data, error, refetch } = useQuery(BriefPageQuery, { variables: { id } });
  const [copyBrief, { loading: copying }] = useMutation(CopyBriefMutation, { refetchQueries: ['MyBriefs'] });
  const [publishBrief, { loading: publishing }] = useMutation(PublishBriefMutation);
  const [outcome, setOutcome] = useState<{ kind: 'done' | 'failed'; text: string } | null>(null);
  const brief = data?.brief;
  const notFound = !brief && error !== undefined && errorCodeOf(error) === 'NOT_FOUND';
  usePageTitle(brief ? (pickLocalized(brief.title, language)?.text ?? t('library.title')) : notFound ? t('brief.notFoundTitle') : t('library.title'));

  if (!brief) {
    return (
      <section className="page page--narrow">
        <BackLink />
        {notFound ? (
          <>
            <h1>{t('brief.notFoundTitle')}</h1>
            <p>{t('brief.notFoundBody')}</p>
          </>
        ) : error ? (
          <ErrorMessage error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )}
      </section>
    );
  }

  const copy = async () => {
    setOutcome(null);
    try {
      const { data: copied } = await copyBrief({ variables: { input: { id: brief.id } } });
      if (copied) await navigate(`/briefs/${encodeURIComponent(copied.copyBrief.brief.id)}/edit`, { state: { notice: 'copied' } });
    } catch (caught) {
      setOutcome({ kind: 'failed', text: errorCodeOf(caught) === 'NOT_FOUND' ? t('brief.notFoundBody') : t(`error.${errorCodeOf(caught)}`) });
    }
  };

  const publish = async () => {
    setOutcome(null);
    try {
      await publishBrief({ variables: { input: { id: brief.id } } });
      setOutcome({ kind: 'done', text: t('brief.published') });
    } catch (caught) {
      setOutcome({ kind: 'failed', text: t(`error.${errorCodeOf(caught)}`) });
    }
  };

  const levelCount = Math.max(0, ...brief.rubric.map((criterion) => criterion.levels.length));

  return (
    <article className="page brief-page" aria-labelledby="brief-title">
      <BackLink />
      <h1 id="brief-title">
        <LocalizedTextView value={brief.title} />
      </h1>
      <p className="card__meta">
        {[
          t('library.grades', { from: formatNumber(brief.gradeFrom), to: formatNumber(brief.gradeTo) }),
          t('brief.version', { version: formatNumber(brief.version) }),
          brief.status === 'DRAFT' ? t('library.draft') : t('library.published'),
        ].join(' · ')}
      </p>
      <ThemeChips themes={[brief.theme]} label={t('library.theme')} />

      <div className="form-actions brief-actions">
        {role === 'TEACHER' && (
          <Link to={`/briefs/${encodeURIComponent(brief.id)}/assign`} className="button">
            {t('brief.assign')}
          </Link>
        )}
        {role === 'TEACHER' && brief.inLibrary && (
          <button type="button" className="button button--secondary" onClick={() => void copy()} disabled={copying}>
            {t('brief.copy')}
          </button>
        )}
        {role === 'MUSEUM_EDUCATOR' && brief.editable && brief.status === 'DRAFT' && (
          <button type="button" className="button" onClick={() => void publish()} disabled={publishing}>
            {t('brief.publish')}
          </button>
        )}
        {brief.editable && (role === 'TEACHER' || role === 'MUSEUM_EDUCATOR') && (
          <Link to={`/briefs/${encodeURIComponent(brief.id)}/edit`} className="button button--secondary">
            {t('brief.edit')}
          </Link>
        )}
      </div>
      {outcome && (
        <p className={outcome.kind === 'done' ? 'notice' : 'form-error'} role={outcome.kind === 'done' ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}

      <section aria-labelledby="brief-question">
        <h2 id="brief-question">{t('brief.drivingQuestion')}</h2>
        <p className="driving-question">
          <LocalizedTextView value={brief.drivingQuestion} />
        </p>
      </section>

      {brief.learningGoals.length > 0 && (
        <section aria-labelledby="brief-goals">
          <h2 id="brief-goals">{t('brief.goals')}</h2>
          <ul>
            {brief.learningGoals.map((goal, index) => (
              <li key={index}>
                <LocalizedTextView value={goal} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="brief-milestones">
        <h2 id="brief-milestones">{t('brief.milestones')}</h2>
        <ol className="milestones">
          {brief.milestones.map((milestone, index) => (
            <li key={milestone.key} className="milestone">
              <h3>{t('brief.milestone', { number: formatNumber(index + 1), title: pickLocalized(milestone.title, language)?.text ?? '' })}</h3>
              <dl>
                <div>
                  <dt>{t('brief.prompt')}</dt>
                  <dd>
                    <LocalizedTextView value={milestone.prompt} />
                  </dd>
                </div>
                {pickLocalized(milestone.handIn, language) && (
                  <div>
                    <dt>{t('brief.handIn')}</dt>
                    <dd>
                      <LocalizedTextView value={milestone.handIn} />
                    </dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="brief-rubric">
        <h2 id="brief-rubric">{t('brief.rubric')}</h2>
        <p className="card__meta">{t('brief.maxPoints', { points: formatNumber(brief.maxPoints) })}</p>
        <TableScroll label={t('brief.rubric')}>
          <table className="table rubric-table">
            <caption className="visually-hidden">{t('brief.rubricCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('brief.criterion')}</th>
                {Array.from({ length: levelCount }, (_, index) => (
                  <th scope="col" key={index}>
                    {t('brief.level', { number: formatNumber(index + 1) })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {brief.rubric.map((criterion) => (
                <tr key={criterion.key}>
                  <th scope="row">
                    <LocalizedTextView value={criterion.title} />
                  </th>
                  {Array.from({ length: levelCount }, (_, index) => {
                    const level = criterion.levels[index];
                    return (
                      <td key={index}>
                        {level && (
                          <>
                            <strong className="rubric-points">{t('brief.points', { points: formatNumber(level.points) })}</strong>
                            <span className="rubric-descriptor">
                              <LocalizedTextView value={level.descriptor} />
                            </span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      {brief.suggestedObjects.length > 0 && (
        <section aria-labelledby="brief-objects">
          <h2 id="brief-objects">{t('brief.objects')}</h2>
          <ul className="object-links">
            {brief.suggestedObjects.map((object) => (
              <li key={object.id}>
                <Link to={`/collection/${encodeURIComponent(object.id)}`}>
                  <LocalizedTextView value={object.title} fallback={object.accessionNumber} />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
