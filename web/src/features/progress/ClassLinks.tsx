import { Link } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import { useViewer } from '../../app/viewer';
import { progressMessages } from './messages';

/** Progress, marking, grades and nominations are the class's teachers' (admins manage rosters, not pupils' work). */
function useTeaches(): boolean {
  const viewer = useViewer();
  return viewer.status === 'signedIn' && viewer.me.role === 'TEACHER';
}

/** On the class page: the way to the class's gradebook and nominations. */
export function ClassProgressLinks({ classId }: { classId: string }) {
  const { t } = useFeatureI18n(progressMessages);
  const base = `/classes/${encodeURIComponent(classId)}`;
  if (!useTeaches()) return null;
  return (
    <ul className="progress-class-links" aria-label={t('progress.classLinks')}>
      <li>
        <Link to={`${base}/gradebook`} className="button button--secondary">
          {t('progress.gradebook')}
        </Link>
      </li>
      <li>
        <Link to={`${base}/nominations`} className="button button--secondary">
          {t('progress.nominations')}
        </Link>
      </li>
    </ul>
  );
}

/** On an assignment's card: the way to the class's progress on it. */
export function AssignmentProgressLink({ assignmentId, title }: { assignmentId: string; title: string }) {
  const { t } = useFeatureI18n(progressMessages);
  if (!useTeaches()) return null;
  return (
    <Link to={`/assignments/${encodeURIComponent(assignmentId)}/progress`} className="button button--small progress-card-link" aria-label={t('progress.openFor', { title })}>
      {t('progress.titleShort')}
    </Link>
  );
}
