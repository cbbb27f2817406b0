import { useMutation } from '@apollo/client/react';
import { MAX_DISPLAY_NAME_LENGTH, type PasswordProblem } from '@lmr/domain';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { errorCodeOf, fieldErrorOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { TextField } from '../../ui/Field';
import { usePageTitle } from '../../ui/usePageTitle';
import { authMessages } from './messages';
import { NewPasswordField } from './NewPasswordField';
import { newPasswordProblem } from './passwordProblem';
import { useCompleteSignIn } from './useCompleteSignIn';

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      me {
        id
        displayName
        role
      }
    }
  }
`);

export function AcceptInvitationPage() {
  const { t, errorMessage } = useFeatureI18n(authMessages);
  usePageTitle(t('invitation.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const [passwordIssue, setPasswordIssue] = useState<PasswordProblem | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [accept, { loading }] = useMutation(AcceptInvitationMutation);
  const completeSignIn = useCompleteSignIn();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = displayName.trim();
    const nameCheck = name === '' ? t('invitation.nameRequired') : [...name].length > MAX_DISPLAY_NAME_LENGTH ? t('invitation.nameTooLong') : null;
    const passwordCheck = newPasswordProblem(password);
    setNameProblem(nameCheck);
    setPasswordIssue(passwordCheck);
    setProblem(null);
    if (nameCheck || passwordCheck) return;
    try {
      const { data } = await accept({ variables: { input: { token, displayName: name, password } } });
      if (data) await completeSignIn(data.acceptInvitation);
    } catch (error) {
      const field = fieldErrorOf(error);
      if (field?.field === 'displayName') setNameProblem(t('invitation.nameTooLong'));
      else if (field?.field === 'password') setPasswordIssue(newPasswordProblem(password, error));
      else setProblem(errorCodeOf(error) === 'NOT_FOUND' ? t('invitation.linkNotUsable') : errorMessage(error));
    }
  };

  return (
    <section className="page page--narrow" aria-labelledby="invitation-heading">
      <h1 id="invitation-heading">{t('invitation.title')}</h1>
      {token === '' ? (
        <p className="form-error" role="alert">
          {t('invitation.noToken')}
        </p>
      ) : (
        <>
          <p className="page__intro">{t('invitation.intro')}</p>
          <form className="form-card" onSubmit={(event) => void submit(event)} noValidate>
            <TextField
              label={t('invitation.displayName')}
              hint={t('invitation.displayNameHint')}
              name="displayName"
              autoComplete="name"
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
              error={nameProblem}
              required
            />
            <NewPasswordField label={t('invitation.password')} name="password" value={password} onChange={setPassword} problem={passwordIssue} />
            {problem && (
              <p className="form-error" role="alert">
                {problem}
              </p>
            )}
            <button type="submit" className="button" disabled={loading}>
              {loading ? t('common.saving') : t('invitation.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
