import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TableScroll } from '../../ui/TableScroll';
import { PupilDataLink } from '../privacy/PupilDataLink';
import { classesMessages } from './messages';

const ResetPupilCodeMutation = graphql(`
  mutation ResetPupilCode($input: ResetPupilCodeInput!) {
    resetPupilCode(input: $input) {
      pupilId
      pupilCode
    }
  }
`);

interface RosterPupilRow {
  id: string;
  displayName: string;
  studentNumber?: string | null;
  disabled: boolean;
}

interface RosterTableProps {
  classId: string;
  pupils: readonly RosterPupilRow[];
  codes: ReadonlyMap<string, string>;
  canReset: boolean;
}

export function RosterTable({ classId, pupils, codes, canReset }: RosterTableProps) {
  const { t, errorMessage } = useFeatureI18n(classesMessages);
  const [confirming, setConfirming] = useState<RosterPupilRow | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'done' | 'failed'; text: string } | null>(null);
  const [resetCode, { loading }] = useMutation(ResetPupilCodeMutation, { refetchQueries: ['ClassPage'], awaitRefetchQueries: true });

  if (pupils.length === 0) return <p className="empty-state">{t('class.rosterEmpty')}</p>;

  const confirmReset = async () => {
    if (!confirming) return;
    const pupil = confirming;
    try {
      const { data } = await resetCode({ variables: { input: { classId, pupilId: pupil.id } } });
      if (data) setOutcome({ kind: 'done', text: t('class.resetDone', { name: pupil.displayName, code: data.resetPupilCode.pupilCode }) });
    } catch (error) {
      setOutcome({ kind: 'failed', text: errorMessage(error) });
    }
    setConfirming(null);
  };

  return (
    <>
      <TableScroll label={t('class.roster')}>
        <table className="table">
          <caption className="visually-hidden">{t('class.roster')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('class.col.name')}</th>
              <th scope="col">{t('class.col.studentNumber')}</th>
              <th scope="col">{t('class.col.code')}</th>
              {canReset && <th scope="col">{t('class.col.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {pupils.map((pupil) => (
              <tr key={pupil.id}>
                <th scope="row">
                  <PupilDataLink pupil={pupil} />
                  {pupil.disabled && <span className="badge">{t('class.pupilDisabled')}</span>}
                </th>
                <td>{pupil.studentNumber ?? ''}</td>
                <td className="code">{codes.get(pupil.id) ?? ''}</td>
                {canReset && (
                  <td>
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      aria-label={t('class.resetCodeFor', { name: pupil.displayName })}
                      onClick={() => {
                        setOutcome(null);
                        setConfirming(pupil);
                      }}
                    >
                      {t('class.resetCode')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {outcome && (
        <p className={outcome.kind === 'done' ? 'notice' : 'form-error'} role={outcome.kind === 'done' ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t('class.resetTitle', { name: confirming?.displayName ?? '' })}
        confirmLabel={t('class.resetConfirm')}
        busy={loading}
        onConfirm={() => void confirmReset()}
        onCancel={() => setConfirming(null)}
      >
        <p>{t('class.resetBody', { name: confirming?.displayName ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
