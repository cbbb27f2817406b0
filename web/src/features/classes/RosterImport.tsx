import { useApolloClient, useMutation } from '@apollo/client/react';
import { ROSTER_ROW_PROBLEMS, type RosterRowProblem } from '@lmr/domain';
import { useState, type ChangeEvent } from 'react';
import { fieldErrorOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { PreviewRosterQuery } from '../../gql/graphql';
import { TextAreaField, TextField } from '../../ui/Field';
import { TableScroll } from '../../ui/TableScroll';
import { classesMessages } from './messages';

const PreviewRosterQueryDocument = graphql(`
  query PreviewRoster($classId: ID!, $csv: String!) {
    previewRoster(classId: $classId, csv: $csv) {
      valid
      rows {
        line
        displayName
        studentNumber
        problems
      }
    }
  }
`);

const ImportRosterMutation = graphql(`
  mutation ImportRoster($input: ImportRosterInput!) {
    importRoster(input: $input) {
      imported
      importedCount
      rows {
        line
        displayName
        studentNumber
        problems
      }
    }
  }
`);

type Preview = { csv: string } & Pick<PreviewRosterQuery['previewRoster'], 'rows' | 'valid'>;

const fileProblems = ['EMPTY', 'TOO_LARGE', 'TOO_MANY_ROWS'] as const;

function isRowProblem(value: string): value is RosterRowProblem {
  return (ROSTER_ROW_PROBLEMS as readonly string[]).includes(value);
}

/** CSV roster import: check first (nothing saved), then import only when every row is fine. */
export function RosterImport({ classId }: { classId: string }) {
  const { t, errorMessage, formatNumber } = useFeatureI18n(classesMessages);
  const client = useApolloClient();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [importRoster, { loading: importing }] = useMutation(ImportRosterMutation, { refetchQueries: ['ClassPage'], awaitRefetchQueries: true });

  const explain = (error: unknown) => {
    const field = fieldErrorOf(error);
    const reason = fileProblems.find((known) => known === field?.reason);
    return reason ? t(`import.${reason}`) : errorMessage(error);
  };

  const check = async () => {
    setProblem(null);
    setDone(null);
    if (csv.trim() === '') {
      setPreview(null);
      setProblem(t('import.EMPTY'));
      return;
    }
    setChecking(true);
    try {
      // Pupils' names are not kept in the cache: the preview is thrown away after the import.
      const { data } = await client.query({ query: PreviewRosterQueryDocument, variables: { classId, csv }, fetchPolicy: 'no-cache' });
      if (data) setPreview({ csv, ...data.previewRoster });
    } catch (error) {
      setPreview(null);
      setProblem(explain(error));
    } finally {
      setChecking(false);
    }
  };

  const runImport = async () => {
    if (!preview) return;
    setProblem(null);
    try {
      const { data } = await importRoster({ variables: { input: { classId, csv: preview.csv } } });
      if (!data) return;
      if (data.importRoster.imported) {
        setDone(t('import.done', { count: formatNumber(data.importRoster.importedCount) }));
        setPreview(null);
        setCsv('');
      } else {
        // Someone changed the class between the check and the import: show the fresh problems.
        setPreview({ csv: preview.csv, rows: data.importRoster.rows, valid: false });
      }
    } catch (error) {
      setProblem(explain(error));
    }
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setCsv(await file.text());
    setPreview(null);
  };

  const stale = preview !== null && preview.csv !== csv;
  const rowsWithProblems = preview ? preview.rows.filter((row) => row.problems.length > 0).length : 0;
  const canImport = preview !== null && !stale && preview.valid && rowsWithProblems === 0 && preview.rows.length > 0 && !importing;

  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.title')}</h2>
      <p className="field__hint">{t('import.intro')}</p>
      <div className="form-grid form-grid--single">
        <TextAreaField
          label={t('import.paste')}
          name="csv"
          rows={6}
          value={csv}
          onChange={(event) => setCsv(event.target.value)}
          placeholder={'王小明,20260101\n李小红,20260102'}
          spellCheck={false}
        />
        <TextField label={t('import.file')} type="file" name="csvFile" accept=".csv,.txt,text/csv,text/plain" onChange={(event) => void chooseFile(event)} />
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={() => void check()} disabled={checking}>
            {checking ? t('import.previewing') : t('import.preview')}
          </button>
          <button type="button" className="button" onClick={() => void runImport()} disabled={!canImport}>
            {importing ? t('import.importing') : t('import.submit')}
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        {done && <p className="notice">{done}</p>}
        {stale && <p className="notice">{t('import.changed')}</p>}
        {preview && !stale && (
          <p className={rowsWithProblems > 0 ? 'form-error' : 'notice'}>
            {rowsWithProblems > 0
              ? t('import.hasProblems', { count: formatNumber(rowsWithProblems) })
              : t('import.ready', { count: formatNumber(preview.rows.length) })}
          </p>
        )}
      </div>
      {preview && (
        <TableScroll label={t('import.previewTitle')}>
          <table className="table">
            <caption>{t('import.previewTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.col.line')}</th>
                <th scope="col">{t('class.col.name')}</th>
                <th scope="col">{t('class.col.studentNumber')}</th>
                <th scope="col">{t('import.col.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line} className={row.problems.length > 0 ? 'table__row--problem' : undefined}>
                  <td>{formatNumber(row.line)}</td>
                  <td>{row.displayName}</td>
                  <td>{row.studentNumber ?? ''}</td>
                  <td>
                    {row.problems.length === 0 ? (
                      t('import.ok')
                    ) : (
                      <ul className="problem-list">
                        {row.problems.map((item) => (
                          <li key={item}>{isRowProblem(item) ? t(`import.problem.${item}`) : item}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
