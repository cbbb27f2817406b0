import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { errorCodeOf, fieldErrorOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { CreditStyle } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextAreaField } from '../../ui/Field';
import { feedbackMessages } from './messages';

const NominateWorkMutation = graphql(`
  mutation NominateWork($input: NominateWorkInput!) {
    nominateWork(input: $input) {
      nomination {
        id
        state
      }
    }
  }
`);

const creditStyles: CreditStyle[] = ['FIRST_NAME_INITIAL_SCHOOL', 'FULL_NAME', 'ANONYMOUS'];

/**
 * The teacher nominates a graded project for the museum, recording what the guardian agreed
 * to: whether the work may be shown publicly and how the pupil's name may appear.
 */
export function NominateForm({ versionId, classId }: { versionId: string; classId: string }) {
  const { t } = useFeatureI18n(feedbackMessages);
  const headingId = useId();
  const [statement, setStatement] = useState('');
  const [consent, setConsent] = useState(false);
  const [credit, setCredit] = useState<CreditStyle>('FIRST_NAME_INITIAL_SCHOOL');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nominate, { loading }] = useMutation(NominateWorkMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await nominate({ variables: { input: { versionId, statement: statement.trim(), guardianConsent: consent, creditStyle: credit } } });
      setDone(true);
    } catch (caught) {
      setError(caught);
    }
  };

  const already = errorCodeOf(error) === 'CONFLICT';
  const statementError = fieldErrorOf(error)?.field === 'statement' ? t('nominate.statementHint') : null;

  return (
    <section className="grading-nominate" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('nominate.title')}</h3>
      {done || already ? (
        <p role="status">{t(done ? 'nominate.done' : 'nominate.already')}</p>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)}>
          <p className="field__hint">{t('nominate.intro')}</p>
          <TextAreaField
            label={t('nominate.statement')}
            hint={t('nominate.statementHint')}
            error={statementError}
            rows={4}
            maxLength={1000}
            required
            value={statement}
            onChange={(event) => setStatement(event.target.value)}
          />
          <div className="field grading-nominate__consent">
            <label>
              <input type="checkbox" checked={consent} onChange={(event) => setConsent(event.target.checked)} aria-describedby={`${headingId}-consent`} /> {t('nominate.consent')}
            </label>
            <p id={`${headingId}-consent`} className="field__hint">
              {t('nominate.consentHint')}
            </p>
          </div>
          <fieldset className="grading-nominate__credit">
            <legend>{t('nominate.credit')}</legend>
            {creditStyles.map((style) => (
              <label key={style} className="grading-nominate__option">
                <input type="radio" name={`${headingId}-credit`} value={style} checked={credit === style} onChange={() => setCredit(style)} /> {t(`nominate.credit.${style}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button" disabled={loading || statement.trim() === ''}>
            {t('nominate.submit')}
          </button>
          {error !== null && !statementError && <ErrorMessage error={error} />}
        </form>
      )}
      <p>
        <Link to={`/classes/${encodeURIComponent(classId)}/nominations`}>{t('nominate.list')}</Link>
      </p>
    </section>
  );
}
