import { useMutation } from '@apollo/client/react';
import type { PasswordProblem } from '@lmr/domain';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorCodeOf, fieldErrorOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { usePageTitle } from '../../ui/usePageTitle';
import { authMessages } from './messages';
import { NewPasswordField } from './NewPasswordField';
import { newPasswordProblem } from './passwordProblem';

const CompletePasswordResetMutation = graphql(`
  mutation CompletePasswordReset($input: CompletePasswordResetInput!) {
    completePasswordReset(input: $input) {
      passwordChanged
    }
  }
`);

export function ResetPasswordPage() {
  const { t, errorMessage } = useFeatureI18n(authMessages);
  usePageTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [passwordIssue, setPasswordIssue] = useState<PasswordProblem | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [complete, { loading }] = useMutation(CompletePasswordResetMutation);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const check = newPasswordProblem(password);
    setPasswordIssue(check);
    setProblem(null);
    if (check) return;
    try {
      await complete({ variables: { input: { token, newPassword: password } } });
      setDone(true);
    } catch (error) {
      if (fieldErrorOf(error)?.field === 'newPassword') setPasswordIssue(newPasswordProblem(password, error));
      else setProblem(errorCodeOf(error) === 'NOT_FOUND' ? t('reset.linkNotUsable') : errorMessage(error));
    }
  };

  let body;
  if (token === '') {
    body = (
      <p className="form-error" role="alert">
        {t('reset.noToken')}
      </p>
    );
  } else if (done) {
    body = (
      <>
        <p role="status">{t('reset.done')}</p>
        <p>
          <Link to="/sign-in" className="button">
            {t('reset.goSignIn')}
          </Link>
        </p>
      </>
    );
  } else {
    body = (
      <>
        <p className="page__intro">{t('reset.intro')}</p>
        <form className="form-card" onSubmit={(event) => void submit(event)} noValidate>
          <NewPasswordField label={t('reset.password')} name="newPassword" value={password} onChange={setPassword} problem={passwordIssue} />
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="button" disabled={loading}>
            {loading ? t('common.saving') : t('reset.submit')}
          </button>
        </form>
      </>
    );
  }

  return (
    <section className="page page--narrow" aria-labelledby="reset-heading">
      <h1 id="reset-heading">{t('reset.title')}</h1>
      {body}
    </section>
  );
}
