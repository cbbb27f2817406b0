import { Link } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import { privacyMessages } from './messages';

/** A pupil's name on the roster, linking to the pupil's data page (export, consent, deletion). */
export function PupilDataLink({ pupil }: { pupil: { id: string; displayName: string } }) {
  const { t } = useFeatureI18n(privacyMessages);
  return (
    <Link to={`/pupils/${pupil.id}/privacy`} title={t('roster.dataFor', { name: pupil.displayName })}>
      {pupil.displayName}
    </Link>
  );
}
