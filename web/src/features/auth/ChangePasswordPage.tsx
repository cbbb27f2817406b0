import { useMutation } from '@apollo/client/react';
import type { PasswordProblem } from '@lmr/domain';
import { useState, type FormEvent } from 'react';
import { fieldErrorOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { TextField } from '../../ui/Field';
import { usePageTitle } from '../../ui/usePageTitle';
import { authMessages } from './messages';
import { NewPasswordField } from './NewPasswordField';
import { newPasswordProblem } from './passwordProblem';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      me {
        id
      }
    }
  }
`);

/** Staff change their own password; the API ends their sessions on other devices. */
export function ChangePasswordPage() {
  const { t, errorMessage } = useFeatureI18n(authMessages);
  usePageTitle(t('changePassword.title'));
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [currentProblem, setCurrentProblem] = useState<string | null>(null);
  const [passwordIssue, setPasswordIssue] = useState<PasswordProblem | null>(null);
  const [sameProblem, setSameProblem] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [change, { loading }] = useMutation(ChangePasswordMutation);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const currentCheck = current === '' ? t('changePassword.currentRequired') : null;
    const passwordCheck = newPasswordProblem(password);
    const same = current !== '' && current === password;
    setCurrentProblem(currentCheck);
    setPasswordIssue(passwordCheck);
    setSameProblem(same);
    setProblem(null);
    setDone(false);
    if (currentCheck || passwordCheck || same) return;
    try {
      await change({ variables: { input: { currentPassword: current, newPassword: password } } });
      setCurrent('');
      setPassword('');
      setDone(true);
    } catch (error) {
      const field = fieldErrorOf(error)?.field;
      if (field === 'currentPassword') setCurrentProblem(t('changePassword.currentWrong'));
      else if (field === 'newPassword') setPasswordIssue(newPasswordProblem(password, error));
      else setProblem(errorMessage(error));
    }
  };

  return (
    <section className="page page--narrow" aria-labelledby="change-password-heading">
      <h1 id="change-password-heading">{t('changePassword.title')}</h1>
      <p className="page__intro">{t('changePassword.intro')}</p>
      <form className="form-card" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('changePassword.current')}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          error={currentProblem}
          required
        />
        <NewPasswordField label={t('changePassword.new')} name="newPassword" value={password} onChange={setPassword} problem={passwordIssue} />
        {sameProblem && (
          <p className="form-error" role="alert">
            {t('changePassword.sameAsCurrent')}
          </p>
        )}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <p role="status">{done ? t('changePassword.done') : ''}</p>
        <button type="submit" className="button" disabled={loading}>
          {loading ? t('common.saving') : t('changePassword.submit')}
        </button>
      </form>
    </section>
  );
}
