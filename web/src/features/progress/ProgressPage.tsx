import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorCodeOf, pickLocalized, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { ProgressState } from '../../gql/graphql';
import { BarChart } from '../../ui/BarChart';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { TableScroll } from '../../ui/TableScroll';
import { usePageTitle } from '../../ui/usePageTitle';
import { LocalizedTextView } from '../collection/LocalizedTextView';
import { CheckIns } from '../feedback/CheckIns';
import { progressMessages } from './messages';

const ProgressPageQuery = graphql(`
  query ProgressPage($assignmentId: ID!) {
    assignment(id: $assignmentId) {
      id
      classId
      className
      mode
    }
    classProgress(assignmentId: $assignmentId) {
      assignmentId
      title {
        zh
        en
      }
      milestoneTitles {
        zh
        en
      }
      milestoneKeys
      stateCounts {
        state
        count
      }
      rubricResults {
        criterionKey
        title {
          zh
          en
        }
        levelCounts
      }
      rows {
        name
        members {
          id
          displayName
        }
        state
        late
        needsAttention
        score
        released
        attempt
        versionId
        workId
        milestoneStates
        lateMilestones
      }
    }
  }
`);

const ReleaseGradesMutation = graphql(`
  mutation ReleaseGrades($input: ReleaseGradesInput!) {
    releaseGrades(input: $input) {
      released
    }
  }
`);

const states: ProgressState[] = ['NOT_STARTED', 'DRAFTING', 'SUBMITTED', 'RETURNED', 'GRADED'];

function StateBadge({ state, late }: { state: ProgressState; late: boolean }) {
  const { t } = useFeatureI18n(progressMessages);
  return (
    <span className="progress-state">
      <span className={`progress-badge progress-badge--${state.toLowerCase()}`}>{t(`progress.state.${state}`)}</span>
      {late && <span className="progress-badge progress-badge--late">{t('progress.late')}</span>}
    </span>
  );
}

/** Quick feedback for one pupil's (or team's) work, shown under the table when asked for. */
function CheckInPanel({ workId, name, milestones, onClose }: { workId: string; name: string; milestones: { key: string; title: string }[]; onClose: () => void }) {
  const { t } = useFeatureI18n(progressMessages);
  const panel = useRef<HTMLDivElement>(null);
  // The panel opens below a long table: take the teacher there.
  useEffect(() => panel.current?.querySelector('h2')?.focus(), []);
  return (
    <div className="progress-checkin" ref={panel}>
      <CheckIns workId={workId} milestones={milestones} title={t('progress.checkInFor', { name })} headingLevel={2} />
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t('progress.checkInClose')}
      </button>
    </div>
  );
}

interface Release {
  /** Null releases every graded pupil of the assignment. */
  pupilIds: string[] | null;
  name: string | null;
}

export function ProgressPage() {
  const { t, language, formatNumber } = useFeatureI18n(progressMessages);
  const { assignmentId = '' } = useParams();
  const { data, error, refetch } = useQuery(ProgressPageQuery, { variables: { assignmentId }, fetchPolicy: 'cache-and-network' });
  const [release, { loading: releasing }] = useMutation(ReleaseGradesMutation);
  const [onlyAttention, setOnlyAttention] = useState(false);
  const [confirming, setConfirming] = useState<Release | null>(null);
  const [released, setReleased] = useState<number | null>(null);
  const [releaseError, setReleaseError] = useState<unknown>(null);
  const [checkInFor, setCheckInFor] = useState<{ workId: string; name: string } | null>(null);
  const notFound = !data && error !== undefined && errorCodeOf(error) === 'NOT_FOUND';
  const title = pickLocalized(data?.classProgress.title, language)?.text ?? '';
  usePageTitle(data ? t('progress.title', { title }) : notFound ? t('progress.notFoundTitle') : t('progress.titleShort'));

  if (notFound) {
    return (
      <section className="page page--narrow">
        <h1>{t('progress.notFoundTitle')}</h1>
        <p>{t('progress.notFoundBody')}</p>
      </section>
    );
  }
  if (!data) {
    return <section className="page">{error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />}</section>;
  }

  const { assignment, classProgress: progress } = data;
  const attentionCount = progress.rows.filter((row) => row.needsAttention).length;
  const rows = onlyAttention ? progress.rows.filter((row) => row.needsAttention) : progress.rows;
  const levelCount = Math.max(0, ...progress.rubricResults.map((result) => result.levelCounts.length));
  const gradedAny = progress.rubricResults.some((result) => result.levelCounts.some((count) => count > 0));
  const classPath = `/classes/${encodeURIComponent(assignment.classId)}`;
  const milestoneKeys = progress.milestoneKeys;
  const gradingPath = (versionId: string) => `/assignments/${encodeURIComponent(assignmentId)}/grading/${encodeURIComponent(versionId)}`;

  const doRelease = async () => {
    if (!confirming) return;
    setReleaseError(null);
    try {
      const result = await release({ variables: { input: { assignmentId, pupilIds: confirming.pupilIds } } });
      setReleased(result.data?.releaseGrades.released ?? 0);
      setConfirming(null);
      // Rows have no id to update in the cache: read them again to show which grades are out.
      void refetch();
    } catch (caught) {
      setReleaseError(caught);
    }
  };

  return (
    <section className="page progress-page" aria-labelledby="progress-heading">
      <p className="back-link">
        <Link to={classPath}>← {t('progress.back', { className: assignment.className })}</Link>
      </p>
      <h1 id="progress-heading">{t('progress.title', { title })}</h1>
      <ul className="progress-page__links">
        <li>
          <Link to={`${classPath}/gradebook`}>{t('progress.gradebook')}</Link>
        </li>
        <li>
          <Link to={`${classPath}/nominations`}>{t('progress.nominations')}</Link>
        </li>
      </ul>

      <div className="progress-page__charts">
        <BarChart
          title={t('progress.chartStates')}
          series={[{ key: 'count', label: t(assignment.mode === 'TEAM' ? 'progress.team' : 'progress.pupil') }]}
          rows={states.map((state) => ({
            key: state,
            label: t(`progress.state.${state}`),
            values: { count: progress.stateCounts.find((count) => count.state === state)?.count ?? 0 },
          }))}
          format={(value) => formatNumber(value)}
          unit={t(assignment.mode === 'TEAM' ? 'progress.works' : 'progress.pupils')}
        />
        {gradedAny ? (
          <BarChart
            title={t('progress.chartRubric')}
            series={Array.from({ length: levelCount }, (_, index) => ({ key: String(index), label: t('progress.level', { number: index + 1 }) }))}
            rows={progress.rubricResults.map((result) => ({
              key: result.criterionKey,
              label: pickLocalized(result.title, language)?.text ?? result.criterionKey,
              values: Object.fromEntries(result.levelCounts.map((count, index) => [String(index), count])),
            }))}
            format={(value) => formatNumber(value)}
            unit={t('progress.works')}
          />
        ) : (
          <p className="progress-page__no-results">{t('progress.chartRubricEmpty')}</p>
        )}
      </div>

      <div className="progress-page__toolbar">
        <label className="progress-page__filter">
          <input type="checkbox" checked={onlyAttention} onChange={(event) => setOnlyAttention(event.target.checked)} /> {t('progress.onlyAttention', { count: formatNumber(attentionCount) })}
        </label>
        <button type="button" className="button" onClick={() => setConfirming({ pupilIds: null, name: null })}>
          {t('progress.releaseAll')}
        </button>
      </div>
      <p role="status" className="progress-page__released">
        {released !== null ? t('progress.released', { count: formatNumber(released) }) : ''}
      </p>

      {progress.rows.length === 0 ? (
        <p className="empty-state">{t('progress.empty')}</p>
      ) : rows.length === 0 ? (
        <p className="empty-state">{t('progress.noneNeedAttention')}</p>
      ) : (
        <TableScroll label={t('progress.table')}>
          <table className="table progress-table">
            <caption className="visually-hidden">{t('progress.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(assignment.mode === 'TEAM' ? 'progress.team' : 'progress.pupil')}</th>
                {progress.milestoneTitles.map((milestone, index) => (
                  <th scope="col" key={index}>
                    {index + 1}. <LocalizedTextView value={milestone} />
                  </th>
                ))}
                <th scope="col">{t('progress.whole')}</th>
                <th scope="col">{t('progress.score')}</th>
                <th scope="col">{t('progress.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.workId ?? row.members.map((member) => member.id).join(':')} className={row.needsAttention ? 'progress-table__row--attention' : undefined}>
                  <th scope="row">
                    {row.name}
                    {row.members.length > 1 && <span className="progress-table__members">{new Intl.ListFormat(language).format(row.members.map((member) => member.displayName))}</span>}
                    {row.needsAttention && <span className="progress-badge progress-badge--attention">{t('progress.needsAttention')}</span>}
                  </th>
                  {progress.milestoneTitles.map((_, index) => {
                    // Each row's milestone states and lateness come as lists in the order of the titles.
                    const state = row.milestoneStates[index];
                    return <td key={index}>{state ? <StateBadge state={state} late={row.lateMilestones[index] ?? false} /> : null}</td>;
                  })}
                  <td>
                    <StateBadge state={row.state} late={row.late} />
                  </td>
                  <td className="progress-table__number">{row.score !== null && row.score !== undefined ? formatNumber(row.score) : ''}</td>
                  <td>
                    <div className="progress-table__actions">
                      {row.versionId && (
                        <Link className="button button--small" to={gradingPath(row.versionId)} aria-label={t(row.state === 'SUBMITTED' ? 'progress.open' : 'progress.view', { name: row.name })}>
                          {t(row.state === 'SUBMITTED' ? 'progress.openShort' : 'progress.viewShort')}
                        </Link>
                      )}
                      {row.workId && row.state !== 'GRADED' && (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={t('progress.checkInFor', { name: row.name })}
                          onClick={() => setCheckInFor({ workId: row.workId!, name: row.name })}
                        >
                          {t('progress.checkIn')}
                        </button>
                      )}
                      {row.state === 'GRADED' && row.released && <span className="progress-badge">{t('progress.gradeReleased')}</span>}
                      {row.state === 'GRADED' && !row.released && (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={t('progress.release', { name: row.name })}
                          onClick={() => setConfirming({ pupilIds: row.members.map((member) => member.id), name: row.name })}
                        >
                          {t('progress.releaseShort')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {checkInFor && (
        <CheckInPanel
          key={checkInFor.workId}
          workId={checkInFor.workId}
          name={checkInFor.name}
          milestones={milestoneKeys.map((key, index) => ({ key, title: `${index + 1}. ${pickLocalized(progress.milestoneTitles[index], language)?.text ?? ''}` }))}
          onClose={() => setCheckInFor(null)}
        />
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t('progress.releaseTitle')}
        confirmLabel={confirming?.name ? t('progress.releaseShort') : t('progress.releaseAll')}
        busy={releasing}
        onConfirm={() => void doRelease()}
        onCancel={() => {
          setConfirming(null);
          setReleaseError(null);
        }}
      >
        <p>{confirming?.name ? t('progress.releaseOneBody', { name: confirming.name }) : t('progress.releaseAllBody')}</p>
        {releaseError !== null && <ErrorMessage error={releaseError} />}
      </ConfirmDialog>
    </section>
  );
}
