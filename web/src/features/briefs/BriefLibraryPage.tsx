import { useQuery } from '@apollo/client/react';
import { DEFAULT_PAGE_SIZE, MAX_GRADE, MIN_GRADE } from '@lmr/domain';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import type { Theme } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { LoadMore } from '../../ui/LoadMore';
import { ThemeSelect } from '../../ui/ThemeSelect';
import { usePagedList } from '../../ui/usePagedList';
import { usePageTitle } from '../../ui/usePageTitle';
import { isTheme } from '../collection/themes';
import { BriefCard } from './BriefCard';
import { briefsMessages } from './messages';

const BriefLibraryQuery = graphql(`
  query BriefLibrary($first: Int!, $after: String, $search: String, $theme: Theme, $grade: Int) {
    briefLibrary(first: $first, after: $after, search: $search, theme: $theme, grade: $grade) {
      edges {
        cursor
        node {
          id
          ...BriefCard_brief
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

const MyBriefsQuery = graphql(`
  query MyBriefs($first: Int!, $after: String, $search: String, $theme: Theme, $grade: Int) {
    myBriefs(first: $first, after: $after, search: $search, theme: $theme, grade: $grade) {
      edges {
        cursor
        node {
          id
          ...BriefCard_brief
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

const grades = Array.from({ length: MAX_GRADE - MIN_GRADE + 1 }, (_, i) => MIN_GRADE + i);

interface Filters {
  search: string;
  theme: Theme | null;
  grade: number | null;
}

function variablesOf({ search, theme, grade }: Filters) {
  return { first: DEFAULT_PAGE_SIZE, ...(search ? { search } : {}), ...(theme ? { theme } : {}), ...(grade ? { grade } : {}) };
}

export function BriefLibraryPage() {
  const { t } = useFeatureI18n(briefsMessages);
  usePageTitle(t('library.title'));
  const viewer = useViewer();
  const role = viewer.status === 'signedIn' ? viewer.me.role : null;
  const [params, setParams] = useSearchParams();
  const gradeParam = Number(params.get('grade'));
  const filters: Filters = {
    search: params.get('q')?.trim() ?? '',
    theme: isTheme(params.get('theme')) ? (params.get('theme') as Theme) : null,
    grade: Number.isInteger(gradeParam) && gradeParam >= MIN_GRADE && gradeParam <= MAX_GRADE ? gradeParam : null,
  };
  const mine = role === 'TEACHER' && params.get('scope') === 'mine';

  const library = useQuery(BriefLibraryQuery, { variables: variablesOf(filters), skip: mine });
  const own = useQuery(MyBriefsQuery, { variables: variablesOf(filters), skip: !mine });
  const active = mine ? own : library;
  const connection = mine ? own.data?.myBriefs : library.data?.briefLibrary;
  // One each, so a failure on one list is never shown under the other.
  const libraryPaging = usePagedList(library, library.data?.briefLibrary.pageInfo);
  const ownPaging = usePagedList(own, own.data?.myBriefs.pageInfo);

  const update = (next: Partial<Filters> & { scope?: 'mine' | null }) => {
    const merged = { ...filters, ...next };
    const nextParams = new URLSearchParams();
    if (merged.search) nextParams.set('q', merged.search);
    if (merged.theme) nextParams.set('theme', merged.theme);
    if (merged.grade) nextParams.set('grade', String(merged.grade));
    const scope = next.scope !== undefined ? next.scope : mine ? 'mine' : null;
    if (scope) nextParams.set('scope', scope);
    setParams(nextParams);
  };

  return (
    <section className="page" aria-labelledby="library-heading">
      <div className="section-heading">
        <h1 id="library-heading">{t('library.title')}</h1>
        {(role === 'TEACHER' || role === 'MUSEUM_EDUCATOR') && (
          <Link to="/briefs/new" className="button">
            {t('library.new')}
          </Link>
        )}
      </div>
      <p className="page__intro">{t('library.intro')}</p>

      {role === 'TEACHER' && (
        <div className="segmented" role="group" aria-label={t('library.scope')}>
          <button type="button" aria-pressed={!mine} onClick={() => update({ scope: null })}>
            {t('library.scopeLibrary')}
          </button>
          <button type="button" aria-pressed={mine} onClick={() => update({ scope: 'mine' })}>
            {t('library.scopeMine')}
          </button>
        </div>
      )}

      <LibraryFilters filters={filters} onChange={update} />

      {!connection && active.error && <ErrorMessage error={active.error} onRetry={() => void active.refetch()} />}
      {!connection && !active.error && <Loading />}
      {connection && connection.edges.length === 0 && <p className="empty-state">{t('library.empty')}</p>}
      {connection && connection.edges.length > 0 && (
        <ul className="card-grid" aria-label={t('library.results')}>
          {connection.edges.map(({ node }) => (
            <li key={node.id}>
              <BriefCard brief={node} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore paging={mine ? ownPaging : libraryPaging} label={t('library.loadMore')} />
    </section>
  );
}

function LibraryFilters({ filters, onChange }: { filters: Filters; onChange: (next: Partial<Filters>) => void }) {
  const { t, formatNumber } = useFeatureI18n(briefsMessages);
  const id = useId();
  const [draft, setDraft] = useState(filters.search);
  useEffect(() => setDraft(filters.search), [filters.search]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange({ search: draft.trim() });
  };

  return (
    <form className="collection-filters brief-filters" role="search" aria-label={t('library.filters')} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('library.search')}</label>
        <div className="field__row">
          <input id={`${id}-q`} type="search" value={draft} onChange={(event) => setDraft(event.target.value)} aria-describedby={`${id}-hint`} />
          <button type="submit" className="button">
            {t('library.apply')}
          </button>
        </div>
        <p id={`${id}-hint`} className="field__hint">
          {t('library.searchHint')}
        </p>
      </div>
      <ThemeSelect label={t('library.theme')} allLabel={t('library.allThemes')} value={filters.theme} onChange={(theme) => onChange({ theme })} />
      <div className="field">
        <label htmlFor={`${id}-grade`}>{t('library.grade')}</label>
        <select id={`${id}-grade`} value={filters.grade ?? ''} onChange={(event) => onChange({ grade: event.target.value ? Number(event.target.value) : null })}>
          <option value="">{t('library.allGrades')}</option>
          {grades.map((grade) => (
            <option key={grade} value={grade}>
              {t('library.gradeOption', { grade: formatNumber(grade) })}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
