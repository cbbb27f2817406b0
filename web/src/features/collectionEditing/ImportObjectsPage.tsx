import { useMutation } from '@apollo/client/react';
import { COLLECTION_COLUMNS, parseCollectionImport, type CollectionFieldProblem } from '@lmr/domain';
import { useId, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { errorCodeOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { ImportFormat } from '../../gql/graphql';
import { usePageTitle } from '../../ui/usePageTitle';
import { collectionEditingMessages } from './messages';

const ImportObjectsMutation = graphql(`
  mutation ImportCollectionObjects($input: ImportCollectionInput!) {
    importCollectionObjects(input: $input) {
      imported
    }
  }
`);

interface RowProblems {
  row: number;
  problems: CollectionFieldProblem[];
}

type Checked =
  | { state: 'reading'; name: string }
  | { state: 'unreadable'; name: string; problem: 'EMPTY' | 'TOO_MANY_ROWS' | 'UNREADABLE' }
  | { state: 'checked'; name: string; format: ImportFormat; content: string; count: number; rows: RowProblems[] };

/** The server's list of row problems, from the error's extensions (all or nothing, as here). */
function serverProblems(error: unknown): RowProblems[] | null {
  const errors = (error as { errors?: { extensions?: { problems?: unknown } }[] }).errors ?? [];
  for (const item of errors) {
    const problems = item.extensions?.problems;
    if (Array.isArray(problems)) return problems as RowProblems[];
  }
  return null;
}

/**
 * An educator imports many records at once. The file is checked here with the same rules the
 * API applies, so problems are shown row by row before anything is sent; the API checks again
 * and imports all or nothing.
 */
export function ImportObjectsPage() {
  const { t, errorMessage, formatNumber } = useFeatureI18n(collectionEditingMessages);
  usePageTitle(t('import.title'));
  const inputId = useId();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [fromServer, setFromServer] = useState<RowProblems[] | null>(null);
  const [importObjects, { loading }] = useMutation(ImportObjectsMutation);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImported(null);
    setFailure(null);
    setFromServer(null);
    setChecked({ state: 'reading', name: file.name });
    const content = await file.text();
    const format: ImportFormat = file.name.toLowerCase().endsWith('.json') || content.trimStart().startsWith('[') ? 'JSON' : 'CSV';
    const { rows, fileProblem } = parseCollectionImport(format, content);
    if (fileProblem) {
      setChecked({ state: 'unreadable', name: file.name, problem: fileProblem });
      return;
    }
    setChecked({ state: 'checked', name: file.name, format, content, count: rows.length, rows: rows.filter((row) => row.problems.length > 0).map(({ row, problems }) => ({ row, problems })) });
  };

  const submit = async () => {
    if (checked?.state !== 'checked') return;
    setFailure(null);
    setFromServer(null);
    try {
      const { data } = await importObjects({ variables: { input: { format: checked.format, content: checked.content } } });
      if (data) {
        setImported(data.importCollectionObjects.imported);
        setChecked(null);
      }
    } catch (error) {
      const problems = errorCodeOf(error) === 'BAD_USER_INPUT' ? serverProblems(error) : null;
      if (problems) setFromServer(problems);
      else setFailure(error);
    }
  };

  const problemList = (rows: RowProblems[]) => (
    <ul className="import-problems">
      {rows.slice(0, 200).map(({ row, problems }) => (
        <li key={row}>
          <strong>{t('import.row', { row })}</strong>:{' '}
          {problems.map((problem) => `${problem.field === 'row' ? t('import.field.row') : problem.field} — ${t(`editObject.problem.${problem.problem}`)}`).join('；')}
        </li>
      ))}
    </ul>
  );

  return (
    <section className="page" aria-labelledby="import-heading">
      <p className="back-link">
        <Link to="/">← {t('import.back')}</Link>
      </p>
      <h1 id="import-heading">{t('import.title')}</h1>
      <p className="page__intro">{t('import.intro')}</p>
      <p className="field__hint">
        {t('import.columns')} <code>{COLLECTION_COLUMNS.join(', ')}</code>
      </p>
      <div className="form-card">
        <input id={inputId} type="file" accept=".csv,.json,text/csv,application/json" className="visually-hidden import-file" onChange={(event) => void onFile(event)} />
        <label htmlFor={inputId} className="button button--secondary import-file__pick">
          {t('import.file')}
        </label>
        <div role="status" aria-live="polite">
          {checked?.state === 'reading' && <p>{t('import.reading', { name: checked.name })}</p>}
          {checked?.state === 'checked' && <p>{t('import.rows', { name: checked.name, count: formatNumber(checked.count) })}</p>}
          {checked?.state === 'checked' && checked.rows.length === 0 && <p>{t('import.allGood')}</p>}
          {loading && <p>{t('import.importing')}</p>}
          {imported !== null && <p className="notice">{t('import.done', { count: formatNumber(imported) })}</p>}
        </div>
        {checked?.state === 'unreadable' && (
          <p className="form-error" role="alert">
            {t('import.fileProblem', { problem: t(`import.fileProblem.${checked.problem}`) })}
          </p>
        )}
        {checked?.state === 'checked' && checked.rows.length > 0 && (
          <div role="alert">
            <p className="form-error">{t('import.problems', { count: formatNumber(checked.rows.length) })}</p>
            {problemList(checked.rows)}
          </div>
        )}
        {fromServer && (
          <div role="alert">
            <p className="form-error">{t('import.serverProblems', { count: formatNumber(fromServer.length) })}</p>
            {problemList(fromServer)}
          </div>
        )}
        {failure !== null && (
          <p className="form-error" role="alert">
            {errorMessage(failure)}
          </p>
        )}
        {checked?.state === 'checked' && checked.rows.length === 0 && (
          <div className="form-actions">
            <button type="button" className="button" disabled={loading} onClick={() => void submit()}>
              {loading ? t('import.importing') : t('import.submit', { count: formatNumber(checked.count) })}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
