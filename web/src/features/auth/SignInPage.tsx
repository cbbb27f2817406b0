import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorCodeOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { TextField } from '../../ui/Field';
import { usePageTitle } from '../../ui/usePageTitle';
import { authMessages } from './messages';
import { retryAfterSecondsOf, useSignInWait, waitWords } from './signInWait';
import { useCompleteSignIn } from './useCompleteSignIn';

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      me {
        id
        displayName
        role
      }
    }
  }
`);

export function SignInPage() {
  const { t, errorMessage, language } = useFeatureI18n(authMessages);
  usePageTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [signIn, { loading }] = useMutation(SignInMutation);
  const completeSignIn = useCompleteSignIn();
  const { waiting, startWait } = useSignInWait(() => setProblem(null));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setProblem(t('signIn.missing'));
      return;
    }
    setProblem(null);
    try {
      const { data } = await signIn({ variables: { input: { email: email.trim(), password } } });
      if (data) await completeSignIn(data.signIn);
    } catch (error) {
      const code = errorCodeOf(error);
      const seconds = code === 'RATE_LIMITED' ? retryAfterSecondsOf(error) : null;
      if (seconds !== null) {
        const wait = waitWords(seconds, language);
        startWait(seconds);
        setProblem(t('signIn.rateLimitedWait', { wait: t(wait.key, { count: wait.count }) }));
        return;
      }
      // The API answers UNAUTHENTICATED for any wrong detail, on purpose without saying which.
      setProblem(code === 'UNAUTHENTICATED' ? t('signIn.wrongDetails') : code === 'RATE_LIMITED' ? t('signIn.rateLimited') : errorMessage(error));
    }
  };

  const pupilLink = params.get('next') ? `/pupil-sign-in?next=${encodeURIComponent(params.get('next')!)}` : '/pupil-sign-in';

  return (
    <section className="page page--narrow" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">{t('signIn.title')}</h1>
      <p className="page__intro">{t('signIn.intro')}</p>
      <form className="form-card" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          required
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
        />
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button" disabled={loading || waiting}>
          {loading ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
      <p>
        <Link to={pupilLink}>{t('signIn.pupilLink')}</Link>
      </p>
    </section>
  );
}
