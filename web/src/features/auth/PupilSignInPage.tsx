import { useMutation } from '@apollo/client/react';
import { CLASS_CODE_LENGTH, isCodeShape, normalizeCode, PUPIL_CODE_LENGTH } from '@lmr/domain';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorCodeOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { TextField } from '../../ui/Field';
import { usePageTitle } from '../../ui/usePageTitle';
import type { CardCodes } from './cardLink';
import { authMessages } from './messages';
import { retryAfterSecondsOf, useSignInWait, waitWords } from './signInWait';
import { ScanCardButton } from './ScanCardButton';
import { useCompleteSignIn } from './useCompleteSignIn';

const PupilSignInMutation = graphql(`
  mutation PupilSignIn($input: PupilSignInInput!) {
    signInPupil(input: $input) {
      me {
        id
        displayName
        role
      }
    }
  }
`);

// Codes are typed as the card shows them: upper case, and a space or dash a child adds is harmless.
const codeInputProps = {
  type: 'text',
  autoCapitalize: 'characters',
  autoComplete: 'off',
  autoCorrect: 'off',
  spellCheck: false,
  maxLength: 12,
  className: 'field code-field',
} as const;

export function PupilSignInPage() {
  const { t, errorMessage, language } = useFeatureI18n(authMessages);
  usePageTitle(t('layout.pupilSignIn'));
  const [params] = useSearchParams();
  const fromCard = Boolean(params.get('class') && params.get('code'));
  const [classCode, setClassCode] = useState(() => normalizeCode(params.get('class') ?? ''));
  const [pupilCode, setPupilCode] = useState(() => normalizeCode(params.get('code') ?? ''));
  const [shapeProblems, setShapeProblems] = useState({ classCode: false, pupilCode: false });
  const [problem, setProblem] = useState<string | null>(null);
  // A key, not a sentence, so the notice follows a change of language.
  const [notice, setNotice] = useState<'pupil.fromCard' | 'scan.read' | null>(fromCard ? 'pupil.fromCard' : null);
  const [signIn, { loading }] = useMutation(PupilSignInMutation);
  const completeSignIn = useCompleteSignIn();
  const submitRef = useRef<HTMLButtonElement>(null);
  const { waiting, startWait } = useSignInWait(() => setProblem(null));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = { classCode: normalizeCode(classCode), pupilCode: normalizeCode(pupilCode) };
    const shapes = { classCode: !isCodeShape(input.classCode, CLASS_CODE_LENGTH), pupilCode: !isCodeShape(input.pupilCode, PUPIL_CODE_LENGTH) };
    setShapeProblems(shapes);
    setProblem(null);
    if (shapes.classCode || shapes.pupilCode) return;
    try {
      const { data } = await signIn({ variables: { input } });
      if (data) await completeSignIn(data.signInPupil);
    } catch (error) {
      const code = errorCodeOf(error);
      const seconds = code === 'RATE_LIMITED' ? retryAfterSecondsOf(error) : null;
      if (seconds !== null) {
        const wait = waitWords(seconds, language);
        startWait(seconds);
        setProblem(t('pupil.rateLimitedWait', { wait: t(wait.key, { count: wait.count }) }));
        return;
      }
      setProblem(code === 'UNAUTHENTICATED' ? t('pupil.wrongDetails') : code === 'RATE_LIMITED' ? t('pupil.rateLimited') : errorMessage(error));
    }
  };

  const cardRead = (codes: CardCodes) => {
    setClassCode(codes.classCode);
    setPupilCode(codes.pupilCode);
    setShapeProblems({ classCode: false, pupilCode: false });
    setProblem(null);
    setNotice('scan.read');
    submitRef.current?.focus();
  };

  return (
    <section className="page page--narrow pupil-sign-in" aria-labelledby="pupil-sign-in-heading">
      <h1 id="pupil-sign-in-heading">{t('pupil.title')}</h1>
      <p className="page__intro">{t('pupil.intro')}</p>
      <ScanCardButton onRead={cardRead} />
      <form className="form-card" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          {...codeInputProps}
          label={t('pupil.classCode')}
          hint={t('pupil.classCodeHint')}
          name="classCode"
          value={classCode}
          onChange={(event) => setClassCode(event.target.value.toUpperCase())}
          error={shapeProblems.classCode ? t('pupil.codeShape') : null}
          required
        />
        <TextField
          {...codeInputProps}
          label={t('pupil.pupilCode')}
          hint={t('pupil.pupilCodeHint')}
          name="pupilCode"
          value={pupilCode}
          onChange={(event) => setPupilCode(event.target.value.toUpperCase())}
          error={shapeProblems.pupilCode ? t('pupil.codeShape') : null}
          required
        />
        <p className="form-notice" role="status">
          {notice ? t(notice) : null}
        </p>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <button ref={submitRef} type="submit" className="button button--large" disabled={loading || waiting}>
          {loading ? t('pupil.submitting') : t('pupil.submit')}
        </button>
      </form>
      <p>
        <Link to="/sign-in">{t('pupil.staffLink')}</Link>
      </p>
    </section>
  );
}
