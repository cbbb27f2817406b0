import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { pickLocalized, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { exhibitionMessages } from './messages';

const ExhibitionSeasonsQuery = graphql(`
  query ExhibitionSeasons {
    exhibitionSeasons {
      key
      label {
        zh
        en
      }
      workCount
    }
  }
`);

/** The public exhibition's front page: one exhibition a season, newest first. */
export function ExhibitionSeasonsPage() {
  const { t, language, formatNumber } = useFeatureI18n(exhibitionMessages);
  usePageTitle(t('exhibition.title'));
  const { data, error, refetch } = useQuery(ExhibitionSeasonsQuery);
  const seasons = data?.exhibitionSeasons;

  return (
    <section className="page" aria-labelledby="exhibition-heading">
      <h1 id="exhibition-heading">{t('exhibition.title')}</h1>
      <p className="page__intro">{t('exhibition.intro')}</p>
      {!seasons && error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {!seasons && !error && <Loading />}
      {seasons && seasons.length === 0 && <p className="empty-state">{t('exhibition.noSeasons')}</p>}
      {seasons && seasons.length > 0 && (
        <>
          <h2>{t('exhibition.seasons')}</h2>
          <ul className="card-grid exhibition-seasons" aria-label={t('exhibition.seasons')}>
            {seasons.map((season) => {
              const label = pickLocalized(season.label, language);
              return (
                <li key={season.key}>
                  <article className="card">
                    <h3 className="card__title">
                      <Link to={`/exhibition/${season.key}`} className="card__link" lang={label?.lang}>
                        {label?.text ?? season.key}
                      </Link>
                    </h3>
                    <p className="card__meta">{t('exhibition.workCount', { count: formatNumber(season.workCount) })}</p>
                  </article>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
