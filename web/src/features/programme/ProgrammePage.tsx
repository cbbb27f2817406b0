import { ServerError } from '@apollo/client/errors';
import { useQuery } from '@apollo/client/react';
import { OUTCOME_NAMES, parseSeason } from '@lmr/domain';
import { useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { pickLocalized, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { ProgrammeFiguresQuery } from '../../gql/graphql';
import { BarChart } from '../../ui/BarChart';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { TableScroll } from '../../ui/TableScroll';
import { usePageTitle } from '../../ui/usePageTitle';
import { themes } from '../collection/themes';
import { gradeBandName, gradeBands, recentSeasons } from '../review/labels';
import { programmeMessages } from './messages';

const ProgrammeFiguresQueryDocument = graphql(`
  query ProgrammeFigures($season: String) {
    programmeFigures(season: $season) {
      season {
        key
        label {
          zh
          en
        }
      }
      rows {
        theme
        gradeBand
        schools
        classes
        pupils
        pupilAssignments
        submitted
        submissionRate
        worksSubmitted
        nominations
        nominationRate
        outstanding
        commended
        notSelected
        awaitingDecision
      }
    }
  }
`);

type FigureRow = ProgrammeFiguresQuery['programmeFigures']['rows'][number];

export function ProgrammePage() {
  const { t, language } = useFeatureI18n(programmeMessages);
  usePageTitle(t('programme.title'));
  const id = useId();
  const [params, setParams] = useSearchParams();
  const seasonParam = params.get('season');
  const season = seasonParam ? parseSeason(seasonParam) : null;
  const { data, error, refetch } = useQuery(ProgrammeFiguresQueryDocument, { variables: season ? { season: season.key } : {} });
  const figures = data?.programmeFigures;

  const seasons = recentSeasons();
  if (season && !seasons.some((s) => s.key === season.key)) seasons.push(season);

  return (
    <section className="page programme" aria-labelledby="programme-heading">
      <div className="section-heading">
        <h1 id="programme-heading">{t('programme.title')}</h1>
        <CsvExport season={season?.key ?? null} />
      </div>
      <p className="page__intro">{t('programme.intro')}</p>

      <form className="collection-filters programme__filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-season`}>{t('programme.season')}</label>
          <select
            id={`${id}-season`}
            aria-describedby={`${id}-season-hint`}
            value={season?.key ?? ''}
            onChange={(event) => setParams(event.target.value ? { season: event.target.value } : {})}
          >
            <option value="">{t('programme.allSeasons')}</option>
            {seasons.map((option) => (
              <option key={option.key} value={option.key}>
                {pickLocalized(option.label, language)?.text}
              </option>
            ))}
          </select>
          <p id={`${id}-season-hint`} className="field__hint">
            {t('programme.seasonHint')}
          </p>
        </div>
      </form>

      <p className="result-count" aria-live="polite">
        {figures ? t('programme.showing', { season: figures.season ? (pickLocalized(figures.season.label, language)?.text ?? '') : t('programme.allSeasons') }) : ''}
      </p>

      {!figures && error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {!figures && !error && <Loading />}
      {figures && figures.rows.length === 0 && <p className="empty-state">{t('programme.empty')}</p>}
      {figures && figures.rows.length > 0 && <Figures rows={figures.rows} />}
    </section>
  );
}

function Figures({ rows }: { rows: readonly FigureRow[] }) {
  const { t, language, formatNumber } = useFeatureI18n(programmeMessages);
  const count = (value: number) => formatNumber(value);
  const percent = (value: number) => formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 1 });
  const themesShown = themes.filter((theme) => rows.some((row) => row.theme === theme));
  const sum = (theme: string, pick: (row: FigureRow) => number) => rows.filter((row) => row.theme === theme).reduce((total, row) => total + pick(row), 0);
  const bandsShown = gradeBands.filter((band) => rows.some((row) => row.gradeBand === band));
  const rowLabel = (row: FigureRow) => t('programme.rowLabel', { theme: t(`theme.${row.theme}`), band: gradeBandName(row.gradeBand, language) });
  const outcomeName = (key: keyof typeof OUTCOME_NAMES) => pickLocalized(OUTCOME_NAMES[key], language)?.text ?? key;

  return (
    <div className="programme__charts">
      <BarChart
        title={t('programme.pupilsChart')}
        series={bandsShown.map((band) => ({ key: band, label: gradeBandName(band, language) }))}
        rows={themesShown.map((theme) => ({
          key: theme,
          label: t(`theme.${theme}`),
          values: Object.fromEntries(rows.filter((row) => row.theme === theme).map((row) => [row.gradeBand, row.pupils])),
        }))}
        format={count}
        unit={t('programme.pupilsUnit')}
      />
      {/* Apart, not stacked: a sum of schools and classes would mean nothing. */}
      <BarChart
        title={t('programme.schoolsChart')}
        series={[{ key: 'schools', label: t('programme.col.schools') }]}
        rows={rows.map((row) => ({ key: `${row.theme}-${row.gradeBand}`, label: rowLabel(row), values: { schools: row.schools } }))}
        format={count}
      />
      <BarChart
        title={t('programme.classesChart')}
        series={[{ key: 'classes', label: t('programme.col.classes') }]}
        rows={rows.map((row) => ({ key: `${row.theme}-${row.gradeBand}`, label: rowLabel(row), values: { classes: row.classes } }))}
        format={count}
      />
      <BarChart
        title={t('programme.submissionChart')}
        series={[{ key: 'rate', label: t('programme.col.submissionRate') }]}
        rows={rows.map((row) => ({ key: `${row.theme}-${row.gradeBand}`, label: rowLabel(row), values: { rate: Math.round(row.submissionRate * 1000) / 10 } }))}
        format={percent}
        max={100}
      />
      <BarChart
        title={t('programme.nominationChart')}
        series={[{ key: 'rate', label: t('programme.col.nominationRate') }]}
        rows={rows.map((row) => ({ key: `${row.theme}-${row.gradeBand}`, label: rowLabel(row), values: { rate: Math.round(row.nominationRate * 1000) / 10 } }))}
        format={percent}
        max={100}
      />
      <BarChart
        title={t('programme.outcomesChart')}
        series={[
          { key: 'outstanding', label: outcomeName('OUTSTANDING') },
          { key: 'commended', label: outcomeName('COMMENDED') },
          { key: 'notSelected', label: outcomeName('NOT_SELECTED') },
          { key: 'awaiting', label: t('programme.awaiting') },
        ]}
        rows={themesShown.map((theme) => ({
          key: theme,
          label: t(`theme.${theme}`),
          values: {
            outstanding: sum(theme, (row) => row.outstanding),
            commended: sum(theme, (row) => row.commended),
            notSelected: sum(theme, (row) => row.notSelected),
            awaiting: sum(theme, (row) => row.awaitingDecision),
          },
        }))}
        format={count}
      />

      <TableScroll label={t('programme.tableCaption')}>
        <table className="table programme__table">
          <caption>{t('programme.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programme.col.theme')}</th>
              <th scope="col">{t('programme.col.band')}</th>
              <th scope="col">{t('programme.col.schools')}</th>
              <th scope="col">{t('programme.col.classes')}</th>
              <th scope="col">{t('programme.col.pupils')}</th>
              <th scope="col">{t('programme.col.pupilAssignments')}</th>
              <th scope="col">{t('programme.col.submitted')}</th>
              <th scope="col">{t('programme.col.submissionRate')}</th>
              <th scope="col">{t('programme.col.worksSubmitted')}</th>
              <th scope="col">{t('programme.col.nominations')}</th>
              <th scope="col">{t('programme.col.nominationRate')}</th>
              <th scope="col">{t('programme.col.outstanding')}</th>
              <th scope="col">{t('programme.col.commended')}</th>
              <th scope="col">{t('programme.col.notSelected')}</th>
              <th scope="col">{t('programme.col.awaiting')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.theme}-${row.gradeBand}`}>
                <th scope="row">{t(`theme.${row.theme}`)}</th>
                <td>{gradeBandName(row.gradeBand, language)}</td>
                <td>{count(row.schools)}</td>
                <td>{count(row.classes)}</td>
                <td>{count(row.pupils)}</td>
                <td>{count(row.pupilAssignments)}</td>
                <td>{count(row.submitted)}</td>
                <td>{formatNumber(row.submissionRate, { style: 'percent', maximumFractionDigits: 1 })}</td>
                <td>{count(row.worksSubmitted)}</td>
                <td>{count(row.nominations)}</td>
                <td>{formatNumber(row.nominationRate, { style: 'percent', maximumFractionDigits: 1 })}</td>
                <td>{count(row.outstanding)}</td>
                <td>{count(row.commended)}</td>
                <td>{count(row.notSelected)}</td>
                <td>{count(row.awaitingDecision)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

type ExportState = { status: 'idle' } | { status: 'preparing' } | { status: 'done' } | { status: 'failed'; error: unknown };

/** Fetches the CSV with the session cookie and saves it, saying how it went in a live region. */
function CsvExport({ season }: { season: string | null }) {
  const { t, errorMessage } = useFeatureI18n(programmeMessages);
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const running = useRef(false);

  const download = async () => {
    if (running.current) return;
    running.current = true;
    setState({ status: 'preparing' });
    try {
      const response = await fetch(`/exports/programme-figures.csv${season ? `?season=${encodeURIComponent(season)}` : ''}`, { credentials: 'same-origin' });
      if (!response.ok) {
        const bodyText = await response.text();
        // The same reading of a failed answer as for GraphQL: its code, else its status.
        throw new ServerError('CSV export failed', { response, bodyText });
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = season ? `programme-figures-${season}.csv` : 'programme-figures.csv';
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later: some browsers read the address after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setState({ status: 'done' });
    } catch (error) {
      setState({ status: 'failed', error });
    } finally {
      running.current = false;
    }
  };

  return (
    <div className="programme__export">
      <button type="button" className="button button--secondary" onClick={() => void download()} disabled={state.status === 'preparing'}>
        {t('programme.export')}
      </button>
      <p className={`programme__export-status${state.status === 'failed' ? ' field__error' : ''}`} role="status">
        {state.status === 'preparing'
          ? t('programme.export.preparing')
          : state.status === 'done'
            ? t('programme.export.done')
            : state.status === 'failed'
              ? t('programme.export.failed', { reason: errorMessage(state.error) })
              : ''}
      </p>
    </div>
  );
}
