import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { fieldErrorOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TextField } from '../../ui/Field';
import { privacyMessages } from './messages';

const DeletePupilMutation = graphql(`
  mutation DeletePupil($input: DeletePupilInput!) {
    deletePupil(input: $input) {
      deletedPupilId
      worksRemoved
      teamWorksKept
      filesRemoved
    }
  }
`);

/** Deleting a pupil, for admins: the dialog asks for the pupil's name typed again. */
export function DeletePupilSection({ pupilId, displayName, onDeleted }: { pupilId: string; displayName: string; onDeleted: (summary: string) => void }) {
  const { t, errorMessage } = useFeatureI18n(privacyMessages);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [remove, { loading }] = useMutation(DeletePupilMutation);

  const confirm = async () => {
    if (typed.trim() !== displayName.trim()) {
      setProblem(t('delete.mismatch'));
      return;
    }
    try {
      const { data } = await remove({ variables: { input: { pupilId, confirmName: typed } } });
      setOpen(false);
      if (data) {
        const r = data.deletePupil;
        onDeleted(t('delete.done', { works: r.worksRemoved, files: r.filesRemoved, team: r.teamWorksKept }));
      }
    } catch (error) {
      setProblem(fieldErrorOf(error)?.field === 'confirmName' ? t('delete.mismatch') : errorMessage(error));
    }
  };

  return (
    <section aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t('delete.heading')}</h2>
      <p>{t('delete.intro')}</p>
      <button
        type="button"
        className="button button--danger"
        onClick={() => {
          setTyped('');
          setProblem(null);
          setOpen(true);
        }}
      >
        {t('delete.button')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('delete.title', { name: displayName })}
        confirmLabel={t('delete.confirm')}
        busy={loading || typed.trim() !== displayName.trim()}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        <p>{t('delete.body', { name: displayName })}</p>
        <TextField label={t('delete.confirmName')} value={typed} error={problem} autoComplete="off" onChange={(event) => setTyped(event.target.value)} />
      </ConfirmDialog>
    </section>
  );
}
