import { useQuery } from '@apollo/client/react';
import { DEFAULT_PAGE_SIZE, parseSeason } from '@lmr/domain';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { pickLocalized, useFeatureI18n } from '../../app/i18n';
import type { FragmentOf } from '../../app/graphql';
import { graphql } from '../../gql';
import type { GradeBand, ReviewQueueQueryVariables, Theme } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { GradeBandSelect } from '../../ui/GradeBandSelect';
import { Loading } from '../../ui/Loading';
import { LoadMore } from '../../ui/LoadMore';
import { ThemeSelect } from '../../ui/ThemeSelect';
import { usePagedList } from '../../ui/usePagedList';
import { usePageTitle } from '../../ui/usePageTitle';
import { isTheme } from '../collection/themes';
import { gradeBandName, isGradeBand, recentSeasons } from './labels';
import { reviewMessages } from './messages';

export const ReviewQueueItem_item = graphql(`
  fragment ReviewQueueItem_item on ReviewItem {
    id
    label {
      zh
      en
    }
    projectTitle {
      zh
      en
    }
    theme
    gradeBand
    season {
      key
      label {
        zh
        en
      }
    }
    teamWork
    mayBeExhibited
    nominatedAt
    scoreCount
    myScores {
      criterion
      score
    }
    outcome
    decidedAt
  }
`);

const ReviewQueueQuery = graphql(`
  query ReviewQueue($first: Int!, $after: String, $theme: Theme, $gradeBand: GradeBand, $schoolId: ID, $season: String, $decided: Boolean) {
    reviewQueue(first: $first, after: $after, theme: $theme, gradeBand: $gradeBand, schoolId: $schoolId, season: $season, decided: $decided) {
      edges {
        cursor
        node {
          id
          ...ReviewQueueItem_item
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

type DecidedFilter = 'awaiting' | 'decided' | 'all';

interface Filters {
  theme: Theme | null;
  band: GradeBand | null;
  season: string | null;
  state: DecidedFilter;
  /** Only reachable by a link: educators get no list of schools from the API (review is blind). */
  school: string | null;
}

function readFilters(params: URLSearchParams): Filters {
  const theme = params.get('theme');
  const band = params.get('band');
  const season = params.get('season');
  const state = params.get('state');
  return {
    theme: isTheme(theme) ? theme : null,
    band: isGradeBand(band) ? band : null,
    season: season && parseSeason(season) ? season : null,
    state: state === 'decided' || state === 'all' ? state : 'awaiting',
    school: params.get('school') || null,
  };
}

function variablesOf(filters: Filters): ReviewQueueQueryVariables {
  return {
    first: DEFAULT_PAGE_SIZE,
    ...(filters.theme ? { theme: filters.theme } : {}),
    ...(filters.band ? { gradeBand: filters.band } : {}),
    ...(filters.season ? { season: filters.season } : {}),
    ...(filters.school ? { schoolId: filters.school } : {}),
    ...(filters.state === 'all' ? {} : { decided: filters.state === 'decided' }),
  };
}

export function ReviewQueuePage() {
  const { t, formatNumber } = useFeatureI18n(reviewMessages);
  usePageTitle(t('queue.title'));
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  // Decisions and other educators' scores change the queue while one works through it.
  const queue = useQuery(ReviewQueueQuery, { variables: variablesOf(filters), fetchPolicy: 'cache-and-network' });
  const { data, error, refetch } = queue;
  const connection = data?.reviewQueue;
  const paging = usePagedList(queue, connection?.pageInfo);

  const update = (next: Partial<Filters>) => {
    const merged = { ...filters, ...next };
    const nextParams = new URLSearchParams();
    if (merged.theme) nextParams.set('theme', merged.theme);
    if (merged.band) nextParams.set('band', merged.band);
    if (merged.season) nextParams.set('season', merged.season);
    if (merged.state !== 'awaiting') nextParams.set('state', merged.state);
    if (merged.school) nextParams.set('school', merged.school);
    setParams(nextParams);
  };

  return (
    <section className="page" aria-labelledby="review-queue-heading">
      <h1 id="review-queue-heading">{t('queue.title')}</h1>
      <p className="page__intro">{t('queue.intro')}</p>

      <QueueFilters filters={filters} onChange={update} />
      {filters.school && (
        <p className="notice review-queue__school">
          {t('queue.oneSchool')}{' '}
          <button type="button" className="button button--secondary button--small" onClick={() => update({ school: null })}>
            {t('queue.allSchools')}
          </button>
        </p>
      )}

      <p className="result-count" aria-live="polite">
        {connection && connection.edges.length > 0 ? t('queue.shown', { count: formatNumber(connection.edges.length) }) : ''}
      </p>

      {!connection && error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {!connection && !error && <Loading />}
      {connection && connection.edges.length === 0 && <p className="empty-state">{t('queue.empty')}</p>}
      {connection && connection.edges.length > 0 && (
        <ul className="card-grid review-queue__list" aria-label={t('queue.results')}>
          {connection.edges.map(({ node }) => (
            <li key={node.id}>
              <ReviewQueueItem item={node} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore paging={paging} label={t('queue.loadMore')} loadingLabel={t('queue.loadingMore')} />
    </section>
  );
}

function QueueFilters({ filters, onChange }: { filters: Filters; onChange: (next: Partial<Filters>) => void }) {
  const { t, language } = useFeatureI18n(reviewMessages);
  const id = useId();
  const seasons = recentSeasons();
  if (filters.season && !seasons.some((s) => s.key === filters.season)) seasons.push(parseSeason(filters.season)!);
  return (
    <form className="collection-filters review-queue__filters" role="search" aria-label={t('queue.filters')} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-state`}>{t('queue.state')}</label>
        <select id={`${id}-state`} value={filters.state} onChange={(event) => onChange({ state: event.target.value as DecidedFilter })}>
          <option value="awaiting">{t('queue.state.awaiting')}</option>
          <option value="decided">{t('queue.state.decided')}</option>
          <option value="all">{t('queue.state.all')}</option>
        </select>
      </div>
      <ThemeSelect label={t('queue.theme')} allLabel={t('queue.allThemes')} value={filters.theme} onChange={(theme) => onChange({ theme })} />
      <GradeBandSelect label={t('queue.band')} allLabel={t('queue.allBands')} value={filters.band} onChange={(band) => onChange({ band })} />
      <div className="field">
        <label htmlFor={`${id}-season`}>{t('queue.season')}</label>
        <select id={`${id}-season`} value={filters.season ?? ''} onChange={(event) => onChange({ season: event.target.value || null })}>
          <option value="">{t('queue.allSeasons')}</option>
          {seasons.map((season) => (
            <option key={season.key} value={season.key}>
              {pickLocalized(season.label, language)?.text}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function ReviewQueueItem({ item }: { item: FragmentOf<typeof ReviewQueueItem_item> }) {
  const { t, language, formatDate, formatNumber } = useFeatureI18n(reviewMessages);
  const label = pickLocalized(item.label, language);
  const title = pickLocalized(item.projectTitle, language);
  return (
    <article className="card review-card">
      <h2 className="card__title">
        <Link to={`/review/${item.id}`} className="card__link" aria-label={t('queue.open', { label: label?.text ?? '' })}>
          <span lang={label?.lang}>{label?.text}</span>
        </Link>
      </h2>
      {title && (
        <p className="review-card__project" lang={title.lang}>
          {title.text}
        </p>
      )}
      <p className="card__meta">
        {t(`theme.${item.theme}`)} · {gradeBandName(item.gradeBand, language)} · {pickLocalized(item.season.label, language)?.text}
      </p>
      <p className="card__meta">
        {item.teamWork ? t('queue.teamWork') : t('queue.individualWork')} · {t('queue.nominatedOn', { date: formatDate(String(item.nominatedAt)) })}
      </p>
      <p className="card__meta">
        {t('queue.scoreCount', { count: formatNumber(item.scoreCount) })} · {item.myScores ? t('queue.scoredByMe') : t('queue.notScoredByMe')}
      </p>
      {!item.mayBeExhibited && <p className="card__meta">{t('queue.noConsent')}</p>}
      <span className={`badge review-badge review-badge--${item.outcome ? item.outcome.toLowerCase() : 'awaiting'}`}>
        {item.outcome ? t(`outcome.${item.outcome}`) : t('outcome.awaiting')}
      </span>
    </article>
  );
}
