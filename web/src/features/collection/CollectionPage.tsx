import { useQuery } from '@apollo/client/react';
import { DEFAULT_PAGE_SIZE } from '@lmr/domain';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import type { CollectionPageQueryVariables, Theme } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { LoadMore } from '../../ui/LoadMore';
import { usePagedList } from '../../ui/usePagedList';
import { usePageTitle } from '../../ui/usePageTitle';
import { CollectionFilters } from './CollectionFilters';
import { CollectionObjectCard } from './CollectionObjectCard';
import { isTheme } from './themes';

const CollectionPageQuery = graphql(`
  query CollectionPage($first: Int!, $after: String, $search: String, $theme: Theme) {
    collectionObjects(first: $first, after: $after, search: $search, theme: $theme) {
      totalCount
      edges {
        cursor
        node {
          id
          ...CollectionObjectCard_object
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** Variables with unset filters left out, so the request (and the cache key) has no nulls. */
function collectionPageVariables(search: string, theme: Theme | null): CollectionPageQueryVariables {
  return {
    first: DEFAULT_PAGE_SIZE,
    ...(search ? { search } : {}),
    ...(theme ? { theme } : {}),
  };
}

export function CollectionPage() {
  const { t, formatCount, formatNumber } = useI18n();
  usePageTitle(t('collection.title'));

  // Filters live in the URL so a search can be shared, bookmarked and undone with Back.
  const [params, setParams] = useSearchParams();
  const search = params.get('q')?.trim() ?? '';
  const themeParam = params.get('theme');
  const theme = isTheme(themeParam) ? themeParam : null;

  const collection = useQuery(CollectionPageQuery, {
    variables: collectionPageVariables(search, theme),
  });
  const { data, error, refetch } = collection;
  const connection = data?.collectionObjects;
  const paging = usePagedList(collection, connection?.pageInfo);

  const updateFilters = (next: { search: string; theme: Theme | null }) => {
    const nextParams = new URLSearchParams();
    if (next.search) nextParams.set('q', next.search);
    if (next.theme) nextParams.set('theme', next.theme);
    setParams(nextParams);
  };

  const viewer = useViewer();
  const educator = viewer.status === 'signedIn' && viewer.me.role === 'MUSEUM_EDUCATOR';

  return (
    <section className="page" aria-labelledby="collection-heading">
      <h1 id="collection-heading">{t('collection.title')}</h1>
      <p className="page__intro">{t('collection.intro')}</p>
      {educator && (
        <nav className="page-tools" aria-label={t('collection.tools')}>
          <Link to="/collection/new" className="button button--secondary">
            {t('collection.add')}
          </Link>
          <Link to="/collection/import" className="button button--secondary">
            {t('collection.import')}
          </Link>
        </nav>
      )}

      <CollectionFilters
        search={search}
        theme={theme}
        onSearch={(nextSearch) => updateFilters({ search: nextSearch, theme })}
        onThemeChange={(nextTheme) => updateFilters({ search, theme: nextTheme })}
      />

      {/* Always present so that changes to the count are announced. */}
      <p className="result-count" aria-live="polite">
        {connection &&
          [
            formatCount('collection.count', connection.totalCount),
            connection.edges.length < connection.totalCount
              ? t('collection.shown', { shown: formatNumber(connection.edges.length) })
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
      </p>

      {!connection && error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {!connection && !error && <Loading />}

      {connection && connection.edges.length === 0 && <p className="empty-state">{t('collection.empty')}</p>}

      {connection && connection.edges.length > 0 && (
        <ul className="object-grid" aria-label={t('collection.results')}>
          {connection.edges.map(({ node }) => (
            <li key={node.id}>
              <CollectionObjectCard object={node} />
            </li>
          ))}
        </ul>
      )}

      <LoadMore paging={paging} label={t('collection.loadMore')} loadingLabel={t('collection.loadingMore')} />
    </section>
  );
}
