import { useMutation } from '@apollo/client/react';
import { MAX_DISPLAY_NAME_LENGTH } from '@lmr/domain';
import { useState, type FormEvent } from 'react';
import { fieldErrorOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { TextField } from '../../ui/Field';
import { classesMessages } from './messages';

const AddPupilMutation = graphql(`
  mutation AddPupil($input: AddPupilInput!) {
    addPupil(input: $input) {
      pupilCode
      pupil {
        id
        displayName
      }
    }
  }
`);

export function AddPupilForm({ classId }: { classId: string }) {
  const { t, errorMessage } = useFeatureI18n(classesMessages);
  const [displayName, setDisplayName] = useState('');
  const [studentNumber, setStudentNumber] = useState('');
  const [problems, setProblems] = useState<{ displayName?: string; studentNumber?: string }>({});
  const [outcome, setOutcome] = useState<{ kind: 'done' | 'failed'; text: string } | null>(null);
  const [addPupil, { loading }] = useMutation(AddPupilMutation, { refetchQueries: ['ClassPage'], awaitRefetchQueries: true });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = displayName.trim();
    const found: typeof problems = {};
    if (name === '') found.displayName = t('class.nameRequired');
    else if ([...name].length > MAX_DISPLAY_NAME_LENGTH) found.displayName = t('class.nameTooLong');
    setProblems(found);
    setOutcome(null);
    if (found.displayName) return;
    try {
      const number = studentNumber.trim();
      const { data } = await addPupil({ variables: { input: { classId, displayName: name, ...(number ? { studentNumber: number } : {}) } } });
      if (data) {
        setOutcome({ kind: 'done', text: t('class.pupilAdded', { name: data.addPupil.pupil.displayName, code: data.addPupil.pupilCode }) });
        setDisplayName('');
        setStudentNumber('');
      }
    } catch (error) {
      const field = fieldErrorOf(error)?.field;
      if (field === 'displayName') setProblems({ displayName: t('class.nameTooLong') });
      else if (field === 'studentNumber') setProblems({ studentNumber: t('class.studentNumberTooLong') });
      else setOutcome({ kind: 'failed', text: errorMessage(error) });
    }
  };

  return (
    <section className="panel" aria-labelledby="add-pupil-heading">
      <h2 id="add-pupil-heading">{t('class.addPupil')}</h2>
      <form className="form-grid" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('class.displayName')}
          hint={t('class.displayNameHint')}
          name="displayName"
          autoComplete="off"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={problems.displayName}
          required
        />
        <TextField
          label={`${t('class.studentNumber')} (${t('common.optional')})`}
          name="studentNumber"
          autoComplete="off"
          value={studentNumber}
          onChange={(event) => setStudentNumber(event.target.value)}
          error={problems.studentNumber}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={loading}>
            {loading ? t('common.saving') : t('class.addPupilSubmit')}
          </button>
        </div>
      </form>
      {outcome && (
        <p className={outcome.kind === 'done' ? 'notice' : 'form-error'} role={outcome.kind === 'done' ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
