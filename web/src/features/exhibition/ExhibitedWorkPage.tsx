import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { errorCodeOf, pickLocalized, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { gradeBandName } from '../review/labels';
import { exhibitionMessages } from './messages';
import { ShownWork } from './ShownWork';

const ExhibitedWorkQuery = graphql(`
  query ExhibitedWork($slug: String!) {
    exhibitionWork(slug: $slug) {
      slug
      projectTitle {
        zh
        en
      }
      credit {
        zh
        en
      }
      theme
      gradeBand
      outcome
      museumName {
        zh
        en
      }
      season {
        key
        label {
          zh
          en
        }
      }
      parts {
        ...ShownWork_part
      }
    }
  }
`);

/**
 * One exhibited work, public. The credit is shown exactly as the API gives it (as far as the
 * guardian consented); the page offers no certificate: the API gives the public no way to one.
 */
export function ExhibitedWorkPage() {
  const { slug = '' } = useParams();
  const { t, language } = useFeatureI18n(exhibitionMessages);
  const { data, error, refetch } = useQuery(ExhibitedWorkQuery, { variables: { slug } });
  const work = data?.exhibitionWork;
  const title = pickLocalized(work?.projectTitle, language);
  usePageTitle(work ? (title?.text ?? t('work.untitled')) : t('exhibition.title'));

  if (!work) {
    if (error && errorCodeOf(error) === 'NOT_FOUND') {
      return (
        <section className="page page--narrow">
          <h1>{t('work.notFoundTitle')}</h1>
          <p>{t('work.notFoundBody')}</p>
          <p>
            <Link to="/exhibition" className="back-link">
              {t('season.back')}
            </Link>
          </p>
        </section>
      );
    }
    if (error) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
    return <Loading />;
  }

  const seasonLabel = pickLocalized(work.season.label, language)?.text ?? work.season.key;
  const credit = pickLocalized(work.credit, language);
  const museum = pickLocalized(work.museumName, language);

  return (
    <article className="page exhibition-work" aria-labelledby="exhibited-work-heading">
      <p>
        <Link to={`/exhibition/${work.season.key}`} className="back-link">
          {t('work.back', { season: seasonLabel })}
        </Link>
      </p>
      <h1 id="exhibited-work-heading" lang={title?.lang}>
        {title?.text ?? t('work.untitled')}
      </h1>
      {credit && (
        <p className="exhibition-work__credit">
          {t('work.credit')}
          {language === 'en' ? ' ' : '：'}
          <span lang={credit.lang}>{credit.text}</span>
        </p>
      )}
      <h2 className="visually-hidden">{t('work.facts')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('work.outcome')}</dt>
          <dd>{t(`outcome.${work.outcome}`)}</dd>
        </div>
        <div>
          <dt>{t('work.season')}</dt>
          <dd>{seasonLabel}</dd>
        </div>
        <div>
          <dt>{t('work.theme')}</dt>
          <dd>{t(`theme.${work.theme}`)}</dd>
        </div>
        <div>
          <dt>{t('work.band')}</dt>
          <dd>{gradeBandName(work.gradeBand, language)}</dd>
        </div>
        {museum && (
          <div>
            <dt>{t('work.museum')}</dt>
            <dd lang={museum.lang}>{museum.text}</dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="exhibited-work-content">
        <h2 id="exhibited-work-content">{t('work.content')}</h2>
        <ShownWork parts={work.parts} />
      </section>
    </article>
  );
}
