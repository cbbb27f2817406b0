import { Link, useParams } from 'react-router';
import { pickLocalized, useFeatureI18n } from '../../app/i18n';
import { useViewer } from '../../app/viewer';
import type { MuseumSessionKind, WorkMode } from '../../gql/graphql';
import { LocalizedTextView } from '../collection/LocalizedTextView';
import { AssignmentProgressLink } from '../progress/ClassLinks';
import { classesMessages } from './messages';

interface AssignmentSummary {
  id: string;
  briefId: string;
  title: { zh?: string | null; en?: string | null };
  startsAt: unknown;
  dueAt: unknown;
  mode: WorkMode;
  museumSession?: { kind: MuseumSessionKind; at: unknown; place: string } | null;
}

const dateTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** The class's assignments, soonest due first; times in the viewer's own time zone. */
export function ClassAssignments({ assignments }: { assignments: readonly AssignmentSummary[] }) {
  const { t, formatDate, language } = useFeatureI18n(classesMessages);
  const { id: classId = '' } = useParams();
  // Teams are the class's teachers' to form; admins manage rosters, not assignments.
  const viewer = useViewer();
  const teaches = viewer.status === 'signedIn' && viewer.me.role === 'TEACHER';
  return (
    <section aria-labelledby="class-assignments-heading">
      <div className="section-heading">
        <h2 id="class-assignments-heading">{t('classAssignments.title')}</h2>
        <Link to="/briefs" className="button button--secondary">
          {t('classAssignments.browse')}
        </Link>
      </div>
      {assignments.length === 0 ? (
        <p className="empty-state">{t('classAssignments.empty')}</p>
      ) : (
        <ul className="card-grid" aria-label={t('classAssignments.title')}>
          {assignments.map((assignment) => (
            <li key={assignment.id}>
              <article className="card">
                <h3 className="card__title">
                  <Link to={`/briefs/${encodeURIComponent(assignment.briefId)}`} className="card__link">
                    <LocalizedTextView value={assignment.title} />
                  </Link>
                </h3>
                <p className="card__meta">{t('classAssignments.starts', { date: formatDate(String(assignment.startsAt), dateTime) })}</p>
                <p className="card__meta">{t('classAssignments.due', { date: formatDate(String(assignment.dueAt), dateTime) })}</p>
                <p className="card__meta">
                  <span>{t(assignment.mode === 'TEAM' ? 'classAssignments.team' : 'classAssignments.individual')}</span>
                  {assignment.mode === 'TEAM' && teaches && (
                    <>
                      {' · '}
                      <Link to={`/classes/${classId}/assignments/${assignment.id}/teams`} aria-label={t('classAssignments.teamsFor', { title: pickLocalized(assignment.title, language)?.text ?? '' })}>
                        {t('classAssignments.teams')}
                      </Link>
                    </>
                  )}
                </p>
                {assignment.museumSession && (
                  <p className="card__meta">
                    {t('classAssignments.session', {
                      kind: t(`classAssignments.${assignment.museumSession.kind}`),
                      date: formatDate(String(assignment.museumSession.at), dateTime),
                      place: assignment.museumSession.place,
                    })}
                  </p>
                )}
                <p className="card__meta">
                  <AssignmentProgressLink assignmentId={assignment.id} title={pickLocalized(assignment.title, language)?.text ?? ''} />
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
