import { useQuery } from '@apollo/client/react';
import { DEFAULT_PAGE_SIZE, parseSeason } from '@lmr/domain';
import { useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { pickLocalized, useFeatureI18n } from '../../app/i18n';
import type { FragmentOf } from '../../app/graphql';
import { graphql } from '../../gql';
import type { ExhibitionSeasonQueryVariables, Theme } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { LoadMore } from '../../ui/LoadMore';
import { ThemeSelect } from '../../ui/ThemeSelect';
import { usePagedList } from '../../ui/usePagedList';
import { usePageTitle } from '../../ui/usePageTitle';
import { isTheme, themes } from '../collection/themes';
import { gradeBandName } from '../review/labels';
import { exhibitionMessages } from './messages';

export const ExhibitedWorkCard_work = graphql(`
  fragment ExhibitedWorkCard_work on ExhibitedWorkSummary {
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
    coverImageUrl
  }
`);

const ExhibitionSeasonQuery = graphql(`
  query ExhibitionSeason($season: String!, $theme: Theme, $first: Int!, $after: String) {
    exhibition(season: $season, theme: $theme, first: $first, after: $after) {
      edges {
        cursor
        node {
          slug
          ...ExhibitedWorkCard_work
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** One season's exhibition; without a theme filter the works are grouped under their themes. */
export function ExhibitionSeasonPage() {
  const { season: seasonKey = '' } = useParams();
  const season = parseSeason(seasonKey);
  if (!season) return <SeasonNotFound />;
  return <SeasonWorks seasonKey={season.key} seasonLabel={season.label} />;
}

function SeasonNotFound() {
  const { t } = useFeatureI18n(exhibitionMessages);
  usePageTitle(t('season.notFoundTitle'));
  return (
    <section className="page page--narrow">
      <h1>{t('season.notFoundTitle')}</h1>
      <p>{t('season.notFoundBody')}</p>
      <p>
        <Link to="/exhibition" className="back-link">
          {t('season.back')}
        </Link>
      </p>
    </section>
  );
}

function SeasonWorks({ seasonKey, seasonLabel }: { seasonKey: string; seasonLabel: { zh: string; en: string } }) {
  const { t, language } = useFeatureI18n(exhibitionMessages);
  const label = pickLocalized(seasonLabel, language)?.text ?? seasonKey;
  usePageTitle(`${label} · ${t('exhibition.title')}`);
  const id = useId();
  const [params, setParams] = useSearchParams();
  const themeParam = params.get('theme');
  const theme = isTheme(themeParam) ? themeParam : null;
  const variables: ExhibitionSeasonQueryVariables = { season: seasonKey, first: DEFAULT_PAGE_SIZE, ...(theme ? { theme } : {}) };
  const exhibition = useQuery(ExhibitionSeasonQuery, { variables });
  const { data, error, refetch } = exhibition;
  const connection = data?.exhibition;
  const paging = usePagedList(exhibition, connection?.pageInfo);
  const works = connection?.edges.map((edge) => edge.node) ?? [];

  const chooseTheme = (next: Theme | null) => setParams(next ? { theme: next } : {});

  // Grouped in the museum's order of themes; a theme filter leaves one group.
  const groups = themes.map((key) => ({ theme: key, works: works.filter((work) => work.theme === key) })).filter((group) => group.works.length > 0);

  return (
    <section className="page" aria-labelledby="season-heading">
      <p>
        <Link to="/exhibition" className="back-link">
          {t('season.back')}
        </Link>
      </p>
      <h1 id="season-heading">
        {t('exhibition.title')} · {label}
      </h1>
      <p className="page__intro">{t('season.intro', { season: label })}</p>

      <form className="collection-filters exhibition-filters" role="search" aria-label={t('season.filters')} onSubmit={(event) => event.preventDefault()}>
        <ThemeSelect label={t('season.theme')} allLabel={t('season.allThemes')} value={theme} onChange={chooseTheme} />
      </form>

      {!connection && error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {!connection && !error && <Loading />}
      {connection && works.length === 0 && <p className="empty-state">{t('season.empty')}</p>}
      {groups.map((group) => (
        <section key={group.theme} aria-labelledby={`${id}-${group.theme}`} className="exhibition-group">
          <h2 id={`${id}-${group.theme}`}>{t('season.works', { theme: t(`theme.${group.theme}`) })}</h2>
          <ul className="card-grid exhibition-grid" aria-label={t('season.works', { theme: t(`theme.${group.theme}`) })}>
            {group.works.map((work) => (
              <li key={work.slug}>
                <ExhibitedWorkCard work={work} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <LoadMore paging={paging} label={t('season.loadMore')} loadingLabel={t('season.loadingMore')} />
    </section>
  );
}

function ExhibitedWorkCard({ work }: { work: FragmentOf<typeof ExhibitedWorkCard_work> }) {
  const { t, language } = useFeatureI18n(exhibitionMessages);
  const title = pickLocalized(work.projectTitle, language);
  const credit = pickLocalized(work.credit, language);
  return (
    <article className="card exhibition-card">
      {work.coverImageUrl && <img className="exhibition-card__cover" src={work.coverImageUrl} alt="" loading="lazy" />}
      <h3 className="card__title">
        <Link to={`/exhibition/works/${work.slug}`} className="card__link" lang={title?.lang}>
          {title?.text ?? t('work.untitled')}
        </Link>
      </h3>
      {credit && (
        <p className="card__meta">
          {t('work.credit')}
          {language === 'en' ? ' ' : '：'}
          <span lang={credit.lang}>{credit.text}</span>
        </p>
      )}
      <p className="card__meta">{gradeBandName(work.gradeBand, language)}</p>
      <span className={`badge exhibition-badge exhibition-badge--${work.outcome.toLowerCase()}`}>{t(`outcome.${work.outcome}`)}</span>
    </article>
  );
}
