import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { errorCodeOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TextField } from '../../ui/Field';
import { classesMessages } from './messages';

const AddClassTeacherMutation = graphql(`
  mutation AddClassTeacher($input: AddClassTeacherInput!) {
    addClassTeacher(input: $input) {
      class {
        id
        teachers {
          id
          displayName
        }
      }
    }
  }
`);

const ArchiveClassMutation = graphql(`
  mutation ArchiveClass($input: ArchiveClassInput!) {
    archiveClass(input: $input) {
      class {
        id
        archivedAt
      }
    }
  }
`);

/** Co-teachers and the end of the year: the less frequent things a teacher does to a class. */
export function ClassSettings({ classId, className }: { classId: string; className: string }) {
  const { t, errorMessage } = useFeatureI18n(classesMessages);
  const [email, setEmail] = useState('');
  const [teacherOutcome, setTeacherOutcome] = useState<{ kind: 'done' | 'failed'; text: string } | null>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [archiveError, setArchiveError] = useState<unknown>(null);
  const [addTeacher, { loading: adding }] = useMutation(AddClassTeacherMutation);
  const [archiveClass, { loading: archiving }] = useMutation(ArchiveClassMutation, { refetchQueries: ['MyClasses'] });

  const submitTeacher = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTeacherOutcome(null);
    if (!email.trim()) return;
    try {
      await addTeacher({ variables: { input: { classId, teacherEmail: email.trim() } } });
      setTeacherOutcome({ kind: 'done', text: t('class.teacherAdded') });
      setEmail('');
    } catch (error) {
      const code = errorCodeOf(error);
      setTeacherOutcome({ kind: 'failed', text: code === 'NOT_FOUND' || code === 'BAD_USER_INPUT' ? t('class.teacherNotFound') : errorMessage(error) });
    }
  };

  const archive = async () => {
    setArchiveError(null);
    try {
      await archiveClass({ variables: { input: { classId } } });
    } catch (error) {
      setArchiveError(error);
    }
    setConfirmArchive(false);
  };

  return (
    <>
      <section className="panel" aria-labelledby="add-teacher-heading">
        <h2 id="add-teacher-heading">{t('class.addTeacher')}</h2>
        <form className="form-grid" onSubmit={(event) => void submitTeacher(event)} noValidate>
          <TextField
            label={t('class.teacherEmail')}
            hint={t('class.teacherEmailHint')}
            type="email"
            name="teacherEmail"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={teacherOutcome?.kind === 'failed' ? teacherOutcome.text : null}
            required
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={adding}>
              {t('class.addTeacherSubmit')}
            </button>
          </div>
        </form>
        {teacherOutcome?.kind === 'done' && (
          <p className="notice" role="status">
            {teacherOutcome.text}
          </p>
        )}
      </section>

      <section className="panel panel--danger" aria-labelledby="archive-heading">
        <h2 id="archive-heading">{t('class.archive')}</h2>
        <p>{t('class.archiveIntro')}</p>
        <button type="button" className="button button--danger" onClick={() => setConfirmArchive(true)}>
          {t('class.archive')}
        </button>
        {archiveError !== null && (
          <p className="form-error" role="alert">
            {errorMessage(archiveError)}
          </p>
        )}
        <ConfirmDialog
          open={confirmArchive}
          title={t('class.archiveTitle', { name: className })}
          confirmLabel={t('class.archiveConfirm')}
          busy={archiving}
          onConfirm={() => void archive()}
          onCancel={() => setConfirmArchive(false)}
        >
          <p>{t('class.archiveBody')}</p>
        </ConfirmDialog>
      </section>
    </>
  );
}
