import { useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { ProgressState } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { TableScroll } from '../../ui/TableScroll';
import { usePageTitle } from '../../ui/usePageTitle';
import { LocalizedTextView } from '../collection/LocalizedTextView';
import { progressMessages } from './messages';

const GradebookPageQuery = graphql(`
  query GradebookPage($classId: ID!) {
    class(id: $classId) {
      id
      name
    }
    gradebook(classId: $classId) {
      classId
      columns {
        assignmentId
        maxPoints
        title {
          zh
          en
        }
      }
      rows {
        pupil {
          id
          displayName
        }
        studentNumber
        total
        totalMax
        cells {
          assignmentId
          state
          score
          maxPoints
          late
        }
      }
    }
  }
`);

type ExportState = { kind: 'idle' } | { kind: 'preparing'; received: number } | { kind: 'downloaded' } | { kind: 'failed' };

/** Reads the body chunk by chunk so the page can say how much has arrived. */
async function readWithProgress(response: Response, onProgress: (received: number) => void): Promise<Blob> {
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received);
  }
  return new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'text/csv' });
}

function CsvExport({ classId, className }: { classId: string; className: string }) {
  const { t, formatNumber } = useFeatureI18n(progressMessages);
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const busy = useRef(false);

  const download = async () => {
    if (busy.current) return;
    busy.current = true;
    setState({ kind: 'preparing', received: 0 });
    try {
      // fetch rather than a plain link: the page can tell the teacher when it is ready or failed.
      const response = await fetch(`/exports/classes/${encodeURIComponent(classId)}/gradebook.csv`, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`export answered ${response.status}`);
      const blob = await readWithProgress(response, (received) => setState({ kind: 'preparing', received }));
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = t('gradebook.fileName', { className });
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later: some browsers start reading the blob only after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ kind: 'downloaded' });
    } catch {
      setState({ kind: 'failed' });
    } finally {
      busy.current = false;
    }
  };

  const kilobytes = (bytes: number) => `${formatNumber(bytes / 1024, { maximumFractionDigits: 1 })} KB`;

  return (
    <div className="gradebook-export">
      <button type="button" className="button" onClick={() => void download()} disabled={state.kind === 'preparing'} aria-describedby="gradebook-export-state">
        {t('gradebook.export')}
      </button>
      <p id="gradebook-export-state" role="status" className={`gradebook-export__state gradebook-export__state--${state.kind}`}>
        {state.kind === 'preparing'
          ? state.received > 0
            ? t('gradebook.progress', { amount: kilobytes(state.received) })
            : t('gradebook.preparing')
          : state.kind === 'downloaded'
            ? t('gradebook.downloaded')
            : state.kind === 'failed'
              ? t('gradebook.failed')
              : ''}
      </p>
    </div>
  );
}

export function GradebookPage() {
  const { t, formatNumber } = useFeatureI18n(progressMessages);
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(GradebookPageQuery, { variables: { classId: id }, fetchPolicy: 'cache-and-network' });
  usePageTitle(data ? t('gradebook.title', { className: data.class.name }) : t('gradebook.titleShort'));

  if (!data) {
    return <section className="page">{error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />}</section>;
  }

  const { gradebook } = data;
  const stateLabel = (state: ProgressState) => t(`progress.state.${state}`);

  return (
    <section className="page gradebook-page" aria-labelledby="gradebook-heading">
      <p className="back-link">
        <Link to={`/classes/${encodeURIComponent(id)}`}>← {t('gradebook.back')}</Link>
      </p>
      <h1 id="gradebook-heading">{t('gradebook.title', { className: data.class.name })}</h1>
      <CsvExport classId={id} className={data.class.name} />
      {gradebook.columns.length === 0 ? (
        <p className="empty-state">{t('gradebook.empty')}</p>
      ) : gradebook.rows.length === 0 ? (
        <p className="empty-state">{t('gradebook.noPupils')}</p>
      ) : (
        <TableScroll label={t('gradebook.table')}>
          <table className="table gradebook-table">
            <caption className="visually-hidden">{t('gradebook.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gradebook.pupil')}</th>
                <th scope="col">{t('gradebook.studentNumber')}</th>
                {gradebook.columns.map((column) => (
                  <th scope="col" key={column.assignmentId}>
                    <Link to={`/assignments/${encodeURIComponent(column.assignmentId)}/progress`}>
                      <LocalizedTextView value={column.title} />
                    </Link>
                    <span className="gradebook-table__max">{t('gradebook.outOf', { max: formatNumber(column.maxPoints) })}</span>
                  </th>
                ))}
                <th scope="col">{t('gradebook.total')}</th>
              </tr>
            </thead>
            <tbody>
              {gradebook.rows.map((row) => (
                <tr key={row.pupil.id}>
                  <th scope="row">{row.pupil.displayName}</th>
                  <td>{row.studentNumber ?? ''}</td>
                  {row.cells.map((cell) => (
                    <td key={cell.assignmentId} className="gradebook-table__cell">
                      {cell.score !== null && cell.score !== undefined ? (
                        <span className="gradebook-table__score">{t('gradebook.cell', { score: formatNumber(cell.score), max: formatNumber(cell.maxPoints) })}</span>
                      ) : (
                        <span className={`progress-badge progress-badge--${cell.state.toLowerCase()}`}>{stateLabel(cell.state)}</span>
                      )}
                      {cell.late && <span className="progress-badge progress-badge--late">{t('progress.late')}</span>}
                    </td>
                  ))}
                  <td className="gradebook-table__total">{t('gradebook.cell', { score: formatNumber(row.total), max: formatNumber(row.totalMax) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
